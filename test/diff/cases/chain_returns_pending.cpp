// A then callback returning a pending promise: the chain waits for it.
#include "case_registry.hpp"

namespace chain_returns_pending {
using namespace awl_diff;

awl::Promise<int> later(double ms, int v) {
  co_await awl::sleep(ms);
  log("timer", v);
  co_return v;
}

AWL_DIFF_CASE(chain_returns_pending) {
  awl::EventLoop loop{awl::virtual_time};
  (void)awl::Promise<int>::resolve(1)
      .then([](int v) {
        log("start", v);
        return later(10, v + 1);
      })
      .then([](int v) {
        log("then", v);
        return later(100, v + 1);
      })
      .then([](int v) { log("end", v); });
  awl::set_timeout([] { log("independent timer 60"); }, 60);
  loop.run();
  return 0;
}
}  // namespace chain_returns_pending

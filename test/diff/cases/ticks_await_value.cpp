// await of a plain value (wrapped by Promise.resolve) costs 1 tick per await.
#include "case_registry.hpp"

namespace ticks_await_value {
using namespace awl_diff;

awl::Promise<int> f() {
  int total = 0;
  for (int i = 1; i <= 3; ++i) {
    total += co_await awl::Promise<int>::resolve(i);
    log("await", i, "total", total);
  }
  co_return total;
}

AWL_DIFF_CASE(ticks_await_value) {
  awl::EventLoop loop{awl::virtual_time};
  ticker(5);
  (void)f().then([](int t) { log("result", t); });
  loop.run();
  return 0;
}
}  // namespace ticks_await_value

// Awaiting a then chain vs awaiting an async function, against a ticker.
#include "case_registry.hpp"

namespace async_await_then_chain {
using namespace awl_diff;

awl::Promise<void> via_chain() {
  const int v =
      co_await awl::Promise<int>::resolve(1).then([](int x) { return x + 1; }).then([](int x) { return x + 1; });
  log("chain gave", v);
}
awl::Promise<int> helper() { co_return 3; }
awl::Promise<void> via_async() {
  const int v = co_await helper();
  log("async gave", v);
}

AWL_DIFF_CASE(async_await_then_chain) {
  awl::EventLoop loop{awl::virtual_time};
  ticker(5);
  (void)via_chain();
  (void)via_async();
  loop.run();
  return 0;
}
}  // namespace async_await_then_chain

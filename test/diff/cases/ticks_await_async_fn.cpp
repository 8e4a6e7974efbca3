// Awaiting nested async functions: each level adds one tick.
#include "case_registry.hpp"

namespace ticks_await_async_fn {
using namespace awl_diff;

awl::Promise<int> level0() {
  log("level0 body");
  co_return 0;
}
awl::Promise<int> level1() {
  const int v = co_await level0();
  log("level1 got", v);
  co_return v + 1;
}
awl::Promise<int> level2() {
  const int v = co_await level1();
  log("level2 got", v);
  co_return v + 1;
}
awl::Promise<int> level3() {
  const int v = co_await level2();
  log("level3 got", v);
  co_return v + 1;
}

AWL_DIFF_CASE(ticks_await_async_fn) {
  awl::EventLoop loop{awl::virtual_time};
  ticker(6);
  (void)level3().then([](int v) { log("result", v); });
  log("sync end");
  loop.run();
  return 0;
}
}  // namespace ticks_await_async_fn

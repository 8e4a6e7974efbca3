// await Promise.all of async functions, measured against a ticker.
#include "case_registry.hpp"

namespace ticks_await_all {
using namespace awl_diff;

awl::Promise<int> one(int n) {
  co_await awl::Promise<void>::resolve();
  log("one", n, "done");
  co_return n;
}
awl::Promise<void> main_fn() {
  // (a braced list inside the co_await expression trips GCC 12: "array used as initializer")
  const std::vector<awl::Promise<int>> inputs{one(1), one(2), one(3)};
  const auto values = co_await awl::when_all(inputs);
  log("all done", std::to_string(values[0]) + "," + std::to_string(values[1]) + "," + std::to_string(values[2]));
}

AWL_DIFF_CASE(ticks_await_all) {
  awl::EventLoop loop{awl::virtual_time};
  ticker(5);
  (void)main_fn().then([] { log("main done"); });
  loop.run();
  return 0;
}
}  // namespace ticks_await_all

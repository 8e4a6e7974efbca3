// Async functions started without awaiting them still run to completion.
#include "case_registry.hpp"

namespace async_fire_and_forget {
using namespace awl_diff;

awl::Promise<void> background(std::string name, double ms) {
  co_await awl::sleep(ms);
  log("background", name, "finished");
}
awl::Promise<void> main_fn() {
  (void)background("one", 100);
  (void)background("two", 30);
  log("main returns without waiting");
  co_return;
}

AWL_DIFF_CASE(async_fire_and_forget) {
  awl::EventLoop loop{awl::virtual_time};
  (void)main_fn().then([] { log("main settled"); });
  loop.run();
  return 0;
}
}  // namespace async_fire_and_forget

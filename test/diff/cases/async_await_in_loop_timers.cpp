// A for loop with an await of a timer per iteration, next to an interval.
#include "case_registry.hpp"

namespace async_await_in_loop_timers {
using namespace awl_diff;

awl::Promise<std::string> poll() {
  for (int i = 1; i <= 3; ++i) {
    co_await awl::sleep(100);
    log("poll", i);
  }
  co_return "polled";
}

AWL_DIFF_CASE(async_await_in_loop_timers) {
  awl::EventLoop loop{awl::virtual_time};
  (void)poll().then([](const std::string& v) { log(v); });
  awl::set_timeout([] { log("one-off at 150"); }, 150);
  loop.run();
  return 0;
}
}  // namespace async_await_in_loop_timers

// An unhandled rejection made inside a timer callback ends the process after
// that callback's microtasks; later timers never run.
#include "case_registry.hpp"

namespace unhandled_in_timer_exits {
using namespace awl_diff;

AWL_DIFF_CASE(unhandled_in_timer_exits) {
  awl::EventLoop loop{awl::virtual_time};
  awl::set_timeout([] { log("timer 1"); }, 5);
  awl::set_timeout(
      [] {
        log("timer 2 rejects");
        (void)awl::Promise<void>::reject(std::runtime_error("in timer"));
        awl::queue_microtask([] { log("microtask of timer 2"); });
      },
      20);
  awl::set_timeout([] { log("timer 3 never runs"); }, 60);
  loop.run();
  return 0;
}
}  // namespace unhandled_in_timer_exits

// Microtasks queued by a timer run before the next timer, even one due at
// the same time.
#include "case_registry.hpp"

namespace timers_microtasks_between {
using namespace awl_diff;

AWL_DIFF_CASE(timers_microtasks_between) {
  awl::EventLoop loop{awl::virtual_time};
  for (const char* name : {"A", "B", "C"}) {
    awl::set_timeout(
        [name] {
          log("timer", name);
          (void)awl::Promise<void>::resolve().then([name] { log("  then of", name); }).then([name] {
            log("  then-then of", name);
          });
          awl::queue_microtask([name] { log("  queued by", name); });
        },
        10);
  }
  loop.run();
  return 0;
}
}  // namespace timers_microtasks_between

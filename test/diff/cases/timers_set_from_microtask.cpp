// A timer set from a microtask, with the same delay as one set later in the
// script's synchronous code, still comes after it (set later in time).
#include "case_registry.hpp"

namespace timers_set_from_microtask {
using namespace awl_diff;

AWL_DIFF_CASE(timers_set_from_microtask) {
  awl::EventLoop loop{awl::virtual_time};
  (void)awl::Promise<void>::resolve().then([] { awl::set_timeout([] { log("set in microtask"); }, 10); });
  awl::set_timeout([] { log("set in script"); }, 10);
  awl::set_timeout(
      [] {
        log("outer timer");
        awl::set_timeout([] { log("nested 0"); }, 0);
        (void)awl::Promise<void>::resolve().then([] { log("outer microtask"); });
      },
      40);
  awl::set_timeout([] { log("late timer"); }, 100);
  loop.run();
  return 0;
}
}  // namespace timers_set_from_microtask

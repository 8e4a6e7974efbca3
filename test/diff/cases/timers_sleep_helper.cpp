// A sleep(ms) promise (awl::sleep) in sequence and in parallel with timers.
#include "case_registry.hpp"

namespace timers_sleep_helper {
using namespace awl_diff;

AWL_DIFF_CASE(timers_sleep_helper) {
  awl::EventLoop loop{awl::virtual_time};
  (void)awl::sleep(50).then([] { log("slept 50"); });
  (void)awl::sleep(10).then([] { log("slept 10"); }).then([] { return awl::sleep(100); }).then([] {
    log("slept 10+100");
  });
  awl::set_timeout([] { log("timeout 80"); }, 80);
  loop.run();
  return 0;
}
}  // namespace timers_sleep_helper

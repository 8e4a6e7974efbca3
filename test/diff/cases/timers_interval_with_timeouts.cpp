// An interval interleaved with timeouts set at the start.
#include "case_registry.hpp"

namespace timers_interval_with_timeouts {
using namespace awl_diff;

AWL_DIFF_CASE(timers_interval_with_timeouts) {
  awl::EventLoop loop{awl::virtual_time};
  int n = 0;
  awl::TimerId id = 0;
  id = awl::set_interval(
      [&] {
        ++n;
        log("tick", n);
        if (n == 3) awl::clear_interval(id);
      },
      100);
  awl::set_timeout([] { log("timeout 150"); }, 150);
  awl::set_timeout([] { log("timeout 250"); }, 250);
  loop.run();
  return 0;
}
}  // namespace timers_interval_with_timeouts

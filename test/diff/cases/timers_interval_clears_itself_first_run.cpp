// An interval that clears itself in its first run runs exactly once.
#include "case_registry.hpp"

namespace timers_interval_clears_itself_first_run {
using namespace awl_diff;

AWL_DIFF_CASE(timers_interval_clears_itself_first_run) {
  awl::EventLoop loop{awl::virtual_time};
  awl::TimerId id = 0;
  id = awl::set_interval(
      [&] {
        log("interval ran");
        awl::clear_interval(id);
      },
      10);
  awl::set_timeout([] { log("end"); }, 60);
  loop.run();
  return 0;
}
}  // namespace timers_interval_clears_itself_first_run

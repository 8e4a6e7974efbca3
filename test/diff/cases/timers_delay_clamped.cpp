// Delays below 1 ms (0, negative) are clamped to 1 ms: all four share one
// due time and fire in insertion order.
#include "case_registry.hpp"

namespace timers_delay_clamped {
using namespace awl_diff;

AWL_DIFF_CASE(timers_delay_clamped) {
  awl::EventLoop loop{awl::virtual_time};
  awl::set_timeout([] { log("one"); }, 1);
  awl::set_timeout([] { log("zero"); }, 0);
  awl::set_timeout([] { log("negative"); }, -5);
  awl::set_timeout([] { log("default"); }, 0);  // setTimeout(f) has delay 0
  awl::set_timeout([] { log("forty"); }, 40);
  loop.run();
  return 0;
}
}  // namespace timers_delay_clamped

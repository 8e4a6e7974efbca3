// Delays above 2^31-1 ms are clamped to 1 ms (Node warns on stderr).
#include "case_registry.hpp"

#include <cmath>

namespace timers_overflow_delay_clamped {
using namespace awl_diff;

AWL_DIFF_CASE(timers_overflow_delay_clamped) {
  awl::EventLoop loop{awl::virtual_time};
  awl::set_timeout([] { log("100 ms"); }, 100);
  awl::set_timeout([] { log("2^31 ms, clamped to 1"); }, 2147483648.0);
  awl::set_timeout([] { log("NaN ms, clamped to 1"); }, std::nan(""));
  loop.run();
  return 0;
}
}  // namespace timers_overflow_delay_clamped

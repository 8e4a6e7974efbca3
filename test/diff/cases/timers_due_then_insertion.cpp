// Timers fire by due time; equal delays set together fire in insertion order.
#include "case_registry.hpp"

namespace timers_due_then_insertion {
using namespace awl_diff;

AWL_DIFF_CASE(timers_due_then_insertion) {
  awl::EventLoop loop{awl::virtual_time};
  awl::set_timeout([] { log("a 100"); }, 100);
  awl::set_timeout([] { log("b 20"); }, 20);
  awl::set_timeout([] { log("c 100"); }, 100);
  awl::set_timeout([] { log("d 20"); }, 20);
  awl::set_timeout([] { log("e 150"); }, 150);
  awl::set_timeout([] { log("f 20"); }, 20);
  loop.run();
  return 0;
}
}  // namespace timers_due_then_insertion

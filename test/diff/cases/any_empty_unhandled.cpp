// Promise.any([]) nobody handles: an unhandled rejection, exit status 1.
#include "case_registry.hpp"

namespace any_empty_unhandled {
using namespace awl_diff;

AWL_DIFF_CASE(any_empty_unhandled) {
  awl::EventLoop loop{awl::virtual_time};
  log("before");
  (void)awl::when_any(std::vector<awl::Promise<int>>{});
  awl::set_timeout([] { log("never printed"); }, 5);
  loop.run();
  return 0;
}
}  // namespace any_empty_unhandled

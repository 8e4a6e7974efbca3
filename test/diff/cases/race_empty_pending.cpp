// Promise.race([]) stays pending forever; the program still ends normally.
#include "case_registry.hpp"

namespace race_empty_pending {
using namespace awl_diff;

AWL_DIFF_CASE(race_empty_pending) {
  awl::EventLoop loop{awl::virtual_time};
  awl::race(std::vector<awl::Promise<int>>{}).then([](int) { log("never"); }, [] { log("never either"); });
  awl::set_timeout([] { log("timer ran, race still pending"); }, 10);
  loop.run();
  return 0;
}
}  // namespace race_empty_pending

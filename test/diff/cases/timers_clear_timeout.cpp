// clearTimeout before it fires, from another timer, twice, and after firing.
#include "case_registry.hpp"

namespace timers_clear_timeout {
using namespace awl_diff;

AWL_DIFF_CASE(timers_clear_timeout) {
  awl::EventLoop loop{awl::virtual_time};
  const awl::TimerId never = awl::set_timeout([] { log("never 1"); }, 10);
  awl::clear_timeout(never);
  const awl::TimerId victim = awl::set_timeout([] { log("never 2"); }, 80);
  const awl::TimerId fired = awl::set_timeout([] { log("fired"); }, 5);
  awl::set_timeout(
      [=] {
        log("clearing victim and an already fired timer");
        awl::clear_timeout(victim);
        awl::clear_timeout(victim);
        awl::clear_timeout(fired);
      },
      30);
  awl::set_timeout([] { log("end"); }, 120);
  loop.run();
  return 0;
}
}  // namespace timers_clear_timeout

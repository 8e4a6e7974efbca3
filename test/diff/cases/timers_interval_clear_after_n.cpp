// setInterval runs until clearInterval after 3 runs; microtasks of each run
// drain before the next timer.
#include "case_registry.hpp"

namespace timers_interval_clear_after_n {
using namespace awl_diff;

AWL_DIFF_CASE(timers_interval_clear_after_n) {
  awl::EventLoop loop{awl::virtual_time};
  int runs = 0;
  awl::TimerId id = 0;
  id = awl::set_interval(
      [&] {
        ++runs;
        log("interval run", runs);
        (void)awl::Promise<void>::resolve().then([&] { log("microtask of run", runs); });
        if (runs == 3) {
          awl::clear_interval(id);
          log("cleared");
        }
      },
      20);
  awl::set_timeout([&] { log("after the interval, runs =", runs); }, 200);
  loop.run();
  return 0;
}
}  // namespace timers_interval_clear_after_n

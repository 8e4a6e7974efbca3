// A promise resolved by a timer: its reactions run in that timer's microtask
// checkpoint, before the next timer.
#include "case_registry.hpp"

namespace resolve_in_timer_wakes_chain {
using namespace awl_diff;

AWL_DIFF_CASE(resolve_in_timer_wakes_chain) {
  awl::EventLoop loop{awl::virtual_time};
  Deferred<std::string> d;
  (void)d.promise().then([](const std::string& v) { log("reaction 1", v); }).then([] { log("reaction 1b"); });
  (void)d.promise().then([](const std::string& v) { log("reaction 2", v); });
  awl::set_timeout(
      [d] {
        log("timer resolves");
        d.resolve("now");
        log("timer ends");
      },
      10);
  awl::set_timeout([] { log("next timer"); }, 10);
  loop.run();
  return 0;
}
}  // namespace resolve_in_timer_wakes_chain

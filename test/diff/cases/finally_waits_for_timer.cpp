// A finally returning a promise that settles on a timer delays the outcome.
#include "case_registry.hpp"

namespace finally_waits_for_timer {
using namespace awl_diff;

AWL_DIFF_CASE(finally_waits_for_timer) {
  awl::EventLoop loop{awl::virtual_time};
  awl::Promise<void>::reject(std::runtime_error("original"))
      .finally([] {
        log("cleanup start");
        return awl::sleep(20).then([] { log("cleanup done"); });
      })
      .catch_([](const std::exception_ptr& e) { log("caught", message(e)); });
  awl::set_timeout([] { log("timer 5"); }, 5);
  loop.run();
  return 0;
}
}  // namespace finally_waits_for_timer

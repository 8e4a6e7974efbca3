// Default mode (throw): an unhandled rejection ends the process with a
// non-zero status once the microtask queue has drained; timers never run.
#include "case_registry.hpp"

namespace unhandled_default_throw_exits {
using namespace awl_diff;

AWL_DIFF_CASE(unhandled_default_throw_exits) {
  awl::EventLoop loop{awl::virtual_time};
  log("start");
  (void)awl::Promise<void>::reject(std::runtime_error("nobody handles this"));
  (void)awl::Promise<void>::resolve().then([] { log("microtask still runs"); }).then([] { log("and its successor"); });
  awl::set_timeout([] { log("timer never runs"); }, 5);
  log("end of script");
  loop.run();  // throws awl::UnhandledRejectionError: exit status 1
  return 0;
}
}  // namespace unhandled_default_throw_exits

// Default (throw) mode with an unhandledRejection listener: the listener
// replaces the crash, later timers run, the exit status is 0.
#include "case_registry.hpp"

namespace unhandled_hook_default_mode {
using namespace awl_diff;

AWL_DIFF_CASE(unhandled_hook_default_mode) {
  awl::EventLoop loop{awl::virtual_time};
  loop.on_unhandled_rejection([](const awl::RejectionEvent& e) { log("unhandledRejection", message(e.reason)); });
  (void)awl::Promise<void>::reject(std::runtime_error("observed"));
  awl::set_timeout([] { log("timer still runs"); }, 5);
  loop.run();
  return 0;
}
}  // namespace unhandled_hook_default_mode

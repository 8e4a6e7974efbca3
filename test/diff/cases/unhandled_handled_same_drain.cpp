// Rejected, then handled a few microtasks later in the same drain: not
// reported (hooks print nothing) and the exit status is 0.
#include "case_registry.hpp"

namespace unhandled_handled_same_drain {
using namespace awl_diff;

AWL_DIFF_CASE(unhandled_handled_same_drain) {
  awl::EventLoop loop{awl::virtual_time};
  loop.on_unhandled_rejection([](const awl::RejectionEvent& e) { log("unhandledRejection", message(e.reason)); });
  loop.on_rejection_handled([](const awl::RejectionEvent&) { log("rejectionHandled"); });
  const auto p = awl::Promise<void>::reject(std::runtime_error("handled in time"));
  (void)awl::Promise<void>::resolve().then([] {}).then([] {}).then([p] {
    log("attaching handler in tick 3");
    p.catch_([](const std::exception_ptr& e) { log("caught", message(e)); });
  });
  awl::set_timeout([] { log("timer"); }, 5);
  loop.run();
  return 0;
}
}  // namespace unhandled_handled_same_drain

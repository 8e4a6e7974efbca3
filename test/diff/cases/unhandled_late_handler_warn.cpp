// node-args: --unhandled-rejections=warn
// warn mode with hooks: a handler attached one macrotask late gives
// unhandledRejection first, then rejectionHandled after that macrotask's
// microtasks drained.
#include "case_registry.hpp"

namespace unhandled_late_handler_warn {
using namespace awl_diff;

AWL_DIFF_CASE(unhandled_late_handler_warn) {
  awl::EventLoop loop{awl::virtual_time};
  loop.set_unhandled_rejections(awl::UnhandledRejections::warn);
  loop.on_unhandled_rejection([](const awl::RejectionEvent& e) { log("unhandledRejection", message(e.reason)); });
  loop.on_rejection_handled([](const awl::RejectionEvent&) { log("rejectionHandled"); });
  const auto p = awl::Promise<void>::reject(std::runtime_error("late"));
  log("rejected");
  awl::set_timeout(
      [p] {
        log("attaching handler");
        p.catch_([](const std::exception_ptr& e) { log("caught", message(e)); });
        (void)awl::Promise<void>::resolve().then([] { log("other microtask"); });
      },
      10);
  awl::set_timeout([] { log("next timer"); }, 40);
  loop.run();
  return 0;
}
}  // namespace unhandled_late_handler_warn

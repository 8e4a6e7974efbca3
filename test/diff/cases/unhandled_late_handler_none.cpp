// node-args: --unhandled-rejections=none
// none mode: the hooks still fire (unhandledRejection, later rejectionHandled)
// and the process ends normally.
#include "case_registry.hpp"

namespace unhandled_late_handler_none {
using namespace awl_diff;

AWL_DIFF_CASE(unhandled_late_handler_none) {
  awl::EventLoop loop{awl::virtual_time};
  loop.set_unhandled_rejections(awl::UnhandledRejections::none);
  loop.on_unhandled_rejection([](const awl::RejectionEvent& e) { log("unhandledRejection", message(e.reason)); });
  loop.on_rejection_handled([](const awl::RejectionEvent&) { log("rejectionHandled"); });
  const auto p = awl::Promise<void>::reject(std::runtime_error("quiet"));
  awl::set_timeout([p] { p.catch_([](const std::exception_ptr& e) { log("caught", message(e)); }); }, 10);
  loop.run();
  return 0;
}
}  // namespace unhandled_late_handler_none

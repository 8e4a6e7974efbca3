// A rejection never handled is reported once, not once per macrotask; a
// handler attached after two more macrotasks still gives rejectionHandled.
#include "case_registry.hpp"

namespace unhandled_reported_once {
using namespace awl_diff;

AWL_DIFF_CASE(unhandled_reported_once) {
  awl::EventLoop loop{awl::virtual_time};
  loop.on_unhandled_rejection([](const awl::RejectionEvent& e) { log("unhandledRejection", message(e.reason)); });
  loop.on_rejection_handled([](const awl::RejectionEvent&) { log("rejectionHandled"); });
  const auto p = awl::Promise<void>::reject(std::runtime_error("once"));
  awl::set_timeout([] { log("timer 1"); }, 5);
  awl::set_timeout([] { log("timer 2"); }, 30);
  awl::set_timeout(
      [p] {
        log("timer 3 handles");
        p.catch_([] { log("handled at last"); });
      },
      60);
  loop.run();
  return 0;
}
}  // namespace unhandled_reported_once

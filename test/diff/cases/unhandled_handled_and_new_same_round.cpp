// In one macrotask an old rejection gets handled and a new one stays
// unhandled: rejectionHandled is reported before unhandledRejection.
#include "case_registry.hpp"

namespace unhandled_handled_and_new_same_round {
using namespace awl_diff;

AWL_DIFF_CASE(unhandled_handled_and_new_same_round) {
  awl::EventLoop loop{awl::virtual_time};
  loop.on_unhandled_rejection([](const awl::RejectionEvent& e) { log("unhandledRejection", message(e.reason)); });
  loop.on_rejection_handled([](const awl::RejectionEvent&) { log("rejectionHandled"); });
  const auto old = awl::Promise<void>::reject(std::runtime_error("old"));
  awl::set_timeout(
      [old] {
        (void)awl::Promise<void>::reject(std::runtime_error("new"));
        old.catch_([](const std::exception_ptr& e) { log("caught", message(e)); });
      },
      10);
  loop.run();
  return 0;
}
}  // namespace unhandled_handled_and_new_same_round

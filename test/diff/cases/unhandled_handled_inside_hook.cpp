// A handler attached from inside the unhandledRejection listener: the catch
// runs and rejectionHandled follows in the same macrotask.
// (awl's RejectionEvent carries only the promise's id: the case keeps the handle.)
#include "case_registry.hpp"

namespace unhandled_handled_inside_hook {
using namespace awl_diff;

AWL_DIFF_CASE(unhandled_handled_inside_hook) {
  awl::EventLoop loop{awl::virtual_time};
  awl::Promise<void> p;
  loop.on_unhandled_rejection([&](const awl::RejectionEvent& e) {
    log("unhandledRejection", message(e.reason));
    if (e.promise_id == p.id())
      p.catch_([](const std::exception_ptr& r) { log("caught in listener-attached handler", message(r)); });
  });
  loop.on_rejection_handled([](const awl::RejectionEvent&) { log("rejectionHandled"); });
  p = awl::Promise<void>::reject(std::runtime_error("rescued"));
  awl::set_timeout([] { log("timer"); }, 5);
  loop.run();
  return 0;
}
}  // namespace unhandled_handled_inside_hook

// Several unhandled rejections in one macrotask are reported in the order
// they were rejected, each once, after the microtasks drained.
#include "case_registry.hpp"

namespace unhandled_report_order {
using namespace awl_diff;

AWL_DIFF_CASE(unhandled_report_order) {
  awl::EventLoop loop{awl::virtual_time};
  loop.on_unhandled_rejection([](const awl::RejectionEvent& e) { log("unhandledRejection", message(e.reason)); });
  Deferred<void> later;
  (void)awl::Promise<void>::reject(std::runtime_error("first"));
  (void)awl::Promise<void>::resolve().then([later] {
    log("microtask");
    later.reject("third");
  });
  (void)awl::Promise<void>::reject(std::runtime_error("second"));
  awl::set_timeout([] { log("timer"); }, 5);
  loop.run();
  return 0;
}
}  // namespace unhandled_report_order

// Microtasks queued by an unhandledRejection listener run before the next
// timer; a rejection they leave unhandled is reported in the same round.
#include "case_registry.hpp"

namespace unhandled_hook_queues_microtasks {
using namespace awl_diff;

AWL_DIFF_CASE(unhandled_hook_queues_microtasks) {
  awl::EventLoop loop{awl::virtual_time};
  loop.on_unhandled_rejection([](const awl::RejectionEvent& e) {
    log("unhandledRejection", message(e.reason));
    if (message(e.reason) == "first") {
      (void)awl::Promise<void>::resolve().then([] { log("microtask from listener"); });
      (void)awl::Promise<void>::reject(std::runtime_error("second, from listener"));
    }
  });
  (void)awl::Promise<void>::reject(std::runtime_error("first"));
  awl::set_timeout([] { log("timer"); }, 5);
  loop.run();
  return 0;
}
}  // namespace unhandled_hook_queues_microtasks

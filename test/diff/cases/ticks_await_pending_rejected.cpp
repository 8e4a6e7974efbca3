// await of a promise rejected later: the catch runs 1 tick after the rejection.
#include "case_registry.hpp"

namespace ticks_await_pending_rejected {
using namespace awl_diff;

awl::Promise<void> waiter(awl::Promise<void> pending) {
  try {
    co_await pending;
  } catch (const std::exception& e) {
    log("caught", e.what());
  }
}

AWL_DIFF_CASE(ticks_await_pending_rejected) {
  awl::EventLoop loop{awl::virtual_time};
  Deferred<void> pending;
  ticker(5);
  (void)waiter(pending.promise());
  (void)awl::Promise<void>::resolve().then([] {}).then([pending] {
    log("rejecting");
    pending.reject("late failure");
  });
  loop.run();
  return 0;
}
}  // namespace ticks_await_pending_rejected

// await of a pending promise resumes 1 tick after it settles.
#include "case_registry.hpp"

namespace ticks_await_pending {
using namespace awl_diff;

awl::Promise<void> waiter(awl::Promise<int> pending) {
  log("waiting");
  const int v = co_await pending;
  log("resumed with", v);
}

AWL_DIFF_CASE(ticks_await_pending) {
  awl::EventLoop loop{awl::virtual_time};
  Deferred<int> pending;
  ticker(6);
  (void)waiter(pending.promise());
  (void)awl::Promise<void>::resolve().then([] {}).then([pending] {
    log("resolving");
    pending.resolve(42);
  });
  loop.run();
  return 0;
}
}  // namespace ticks_await_pending

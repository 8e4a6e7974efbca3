// Synchronous code first, then every microtask, then timers.
#include "case_registry.hpp"

namespace order_sync_micro_macro {
using namespace awl_diff;

AWL_DIFF_CASE(order_sync_micro_macro) {
  awl::EventLoop loop{awl::virtual_time};
  log("sync 1");
  awl::set_timeout([] { log("timeout"); }, 0);
  (void)awl::Promise<void>::resolve().then([] { log("micro 1"); });
  awl::queue_microtask([] { log("micro 2"); });
  log("sync 2");
  loop.run();
  return 0;
}
}  // namespace order_sync_micro_macro

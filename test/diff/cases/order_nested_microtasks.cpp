// Microtasks queued by microtasks run before the next timer.
#include "case_registry.hpp"

namespace order_nested_microtasks {
using namespace awl_diff;

void nest(int depth) {
  log("depth", depth);
  if (depth < 5) awl::queue_microtask([depth] { nest(depth + 1); });
}

AWL_DIFF_CASE(order_nested_microtasks) {
  awl::EventLoop loop{awl::virtual_time};
  awl::set_timeout([] { log("timeout 1"); }, 0);
  awl::queue_microtask([] { nest(1); });
  (void)awl::Promise<void>::resolve().then([] {
    log("then a");
    (void)awl::Promise<void>::resolve().then([] {
      log("then b");
      awl::queue_microtask([] { log("then c"); });
    });
  });
  awl::set_timeout(
      [] {
        log("timeout 2");
        awl::queue_microtask([] { log("micro in timeout 2"); });
      },
      0);
  awl::set_timeout([] { log("timeout 3"); }, 0);
  loop.run();
  return 0;
}
}  // namespace order_nested_microtasks

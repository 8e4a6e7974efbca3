// Reactions registered while pending run 1 tick after the resolve call, in
// the order registered, interleaved with a ticker.
#include "case_registry.hpp"

namespace ticks_resolve_after_then {
using namespace awl_diff;

AWL_DIFF_CASE(ticks_resolve_after_then) {
  awl::EventLoop loop{awl::virtual_time};
  Deferred<void> d;
  (void)d.promise().then([] { log("reaction A"); });
  (void)d.promise().then([] { log("reaction B"); });
  ticker(4);
  (void)awl::Promise<void>::resolve().then([d] {
    log("resolve in tick 1");
    d.resolve();
    (void)d.promise().then([] { log("reaction C, added after"); });
  });
  loop.run();
  return 0;
}
}  // namespace ticks_resolve_after_then

// A then callback that is an async function returns a promise: the derived
// promise adopts it (2 extra ticks, plus the callback's own await).
#include "case_registry.hpp"

namespace ticks_then_async_callback {
using namespace awl_diff;

awl::Promise<int> async_callback(int v) {
  log("async callback got", v);
  co_await awl::Promise<void>::resolve();
  log("async callback resumed");
  co_return v * 2;
}

AWL_DIFF_CASE(ticks_then_async_callback) {
  awl::EventLoop loop{awl::virtual_time};
  ticker(7);
  (void)awl::Promise<int>::resolve(21).then(async_callback).then([](int v) { log("derived", v); });
  loop.run();
  return 0;
}
}  // namespace ticks_then_async_callback

// finally returning a pending promise holds the chain until it settles.
#include "case_registry.hpp"

namespace ticks_finally_pending_promise {
using namespace awl_diff;

AWL_DIFF_CASE(ticks_finally_pending_promise) {
  awl::EventLoop loop{awl::virtual_time};
  Deferred<std::string> gate;
  ticker(8);
  (void)awl::Promise<std::string>::resolve("kept")
      .finally([gate] {
        log("finally cb");
        return gate.promise();
      })
      .then([](const std::string& v) { log("after finally", v); });
  (void)awl::Promise<void>::resolve().then([] {}).then([] {}).then([gate] {
    log("release");
    gate.resolve("gate value");
  });
  loop.run();
  return 0;
}
}  // namespace ticks_finally_pending_promise

// node-args: --unhandled-rejections=strict
// strict mode: exits non-zero even with an unhandledRejection listener, which
// is not called.
#include "case_registry.hpp"

namespace unhandled_strict_mode_exits {
using namespace awl_diff;

AWL_DIFF_CASE(unhandled_strict_mode_exits) {
  awl::EventLoop loop{awl::virtual_time};
  loop.set_unhandled_rejections(awl::UnhandledRejections::strict);
  loop.on_unhandled_rejection([](const awl::RejectionEvent& e) { log("listener called", message(e.reason)); });
  log("start");
  (void)awl::Promise<void>::reject(std::runtime_error("strict"));
  (void)awl::Promise<void>::resolve().then([] { log("microtask"); });
  awl::set_timeout([] { log("never"); }, 5);
  loop.run();
  return 0;
}
}  // namespace unhandled_strict_mode_exits

// finally returning a resolved promise: its value is ignored, the original
// value passes through; count ticks against a plain finally.
#include "case_registry.hpp"

namespace ticks_finally_returns_promise {
using namespace awl_diff;

AWL_DIFF_CASE(ticks_finally_returns_promise) {
  awl::EventLoop loop{awl::virtual_time};
  ticker(7);
  (void)awl::Promise<std::string>::resolve("a").finally([] {}).then(
      [](const std::string& v) { log("plain finally", v); });
  (void)awl::Promise<std::string>::resolve("b")
      .finally([] { return awl::Promise<std::string>::resolve("ignored"); })
      .then([](const std::string& v) { log("promise finally", v); });
  loop.run();
  return 0;
}
}  // namespace ticks_finally_returns_promise

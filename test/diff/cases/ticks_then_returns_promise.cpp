// A then callback returning a promise delays the derived promise by 2 ticks.
#include "case_registry.hpp"

namespace ticks_then_returns_promise {
using namespace awl_diff;

AWL_DIFF_CASE(ticks_then_returns_promise) {
  awl::EventLoop loop{awl::virtual_time};
  ticker(6);
  (void)awl::Promise<void>::resolve().then([] { return std::string("v"); }).then([](const std::string& v) {
    log("after value", v);
  });
  (void)awl::Promise<void>::resolve()
      .then([] { return awl::Promise<std::string>::resolve("p"); })
      .then([](const std::string& v) { log("after promise", v); });
  loop.run();
  return 0;
}
}  // namespace ticks_then_returns_promise

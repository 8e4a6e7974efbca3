// finally gets no argument and passes the value through, even if it returns one.
#include "case_registry.hpp"

namespace finally_value_passthrough {
using namespace awl_diff;

AWL_DIFF_CASE(finally_value_passthrough) {
  awl::EventLoop loop{awl::virtual_time};
  (void)awl::Promise<std::string>::resolve("kept")
      .finally([] {
        log("finally args", 0);
        return 42;  // ignored, as in JS
      })
      .then([](const std::string& v) { log("value", v); });
  loop.run();
  return 0;
}
}  // namespace finally_value_passthrough

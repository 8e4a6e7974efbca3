// finally on a promise without a value, fulfilled and rejected, vs a ticker.
#include "case_registry.hpp"

namespace finally_void_promise {
using namespace awl_diff;

AWL_DIFF_CASE(finally_void_promise) {
  awl::EventLoop loop{awl::virtual_time};
  ticker(5);
  (void)awl::Promise<void>::resolve().finally([] { log("finally on fulfilled"); }).then([] {
    log("then after finally");
  });
  awl::Promise<void>::reject(std::runtime_error("e"))
      .finally([] { log("finally on rejected"); })
      .catch_([](const std::exception_ptr& e) { log("catch after finally", message(e)); });
  loop.run();
  return 0;
}
}  // namespace finally_void_promise

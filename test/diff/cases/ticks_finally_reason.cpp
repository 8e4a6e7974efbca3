// finally passes a rejection through; the catch after it runs later than a
// catch directly on the rejected promise.
#include "case_registry.hpp"

namespace ticks_finally_reason {
using namespace awl_diff;

AWL_DIFF_CASE(ticks_finally_reason) {
  awl::EventLoop loop{awl::virtual_time};
  ticker(6);
  awl::Promise<void>::reject(std::runtime_error("direct")).catch_([](const std::exception_ptr& e) {
    log("catch", message(e));
  });
  awl::Promise<void>::reject(std::runtime_error("through finally"))
      .finally([] { log("finally cb"); })
      .catch_([](const std::exception_ptr& e) { log("catch", message(e)); });
  loop.run();
  return 0;
}
}  // namespace ticks_finally_reason

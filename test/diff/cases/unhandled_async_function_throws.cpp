// An async function that throws and whose promise nobody observes: exit 1.
#include "case_registry.hpp"

namespace unhandled_async_function_throws {
using namespace awl_diff;

awl::Promise<void> failing() {
  co_await awl::Promise<void>::resolve();
  log("about to throw");
  throw std::runtime_error("async failure");
}

AWL_DIFF_CASE(unhandled_async_function_throws) {
  awl::EventLoop loop{awl::virtual_time};
  (void)failing();
  log("called");
  loop.run();
  return 0;
}
}  // namespace unhandled_async_function_throws

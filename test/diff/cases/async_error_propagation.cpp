// An error thrown deep in nested async calls propagates up through awaits.
#include "case_registry.hpp"

namespace async_error_propagation {
using namespace awl_diff;

awl::Promise<void> level3() {
  co_await awl::Promise<void>::resolve();
  throw std::runtime_error("deep failure");
}
awl::Promise<void> level2() {
  co_await level3();
  log("level2 not reached");
}
awl::Promise<void> level1() {
  std::string what;
  try {
    co_await level2();
  } catch (const std::exception& e) {
    log("level1 caught", e.what());
    what = e.what();
  }
  if (!what.empty()) throw std::runtime_error("level1: " + what);
}

AWL_DIFF_CASE(async_error_propagation) {
  awl::EventLoop loop{awl::virtual_time};
  level1().catch_([](const std::exception_ptr& e) { log("top caught", message(e)); });
  loop.run();
  return 0;
}
}  // namespace async_error_propagation

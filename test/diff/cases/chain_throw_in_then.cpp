// A throwing then callback rejects the derived promise with what it threw.
#include "case_registry.hpp"

namespace chain_throw_in_then {
using namespace awl_diff;

AWL_DIFF_CASE(chain_throw_in_then) {
  awl::EventLoop loop{awl::virtual_time};
  awl::Promise<int>::resolve(1)
      .then([](int v) -> int {
        log("step", v);
        throw std::runtime_error("thrown at " + std::to_string(v));
      })
      .then([](int) {
        log("skipped");
        return 0;
      })
      .catch_([](const std::exception_ptr& e) {
        log("caught", message(e));
        return 2;
      })
      .then([](int v) {
        log("recovered with", v);
        throw std::runtime_error("again");
      })
      .catch_([](const std::exception_ptr& e) { log("caught", message(e)); });
  loop.run();
  return 0;
}
}  // namespace chain_throw_in_then

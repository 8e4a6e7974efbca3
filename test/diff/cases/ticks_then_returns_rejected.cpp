// A then callback returning a rejected promise vs throwing: 2 ticks apart.
#include "case_registry.hpp"

namespace ticks_then_returns_rejected {
using namespace awl_diff;

AWL_DIFF_CASE(ticks_then_returns_rejected) {
  awl::EventLoop loop{awl::virtual_time};
  ticker(6);
  awl::Promise<void>::resolve()
      .then([] { return awl::Promise<void>::reject(std::runtime_error("returned")); })
      .catch_([](const std::exception_ptr& e) { log("caught", message(e)); });
  awl::Promise<void>::resolve()
      .then([] { throw std::runtime_error("thrown"); })
      .catch_([](const std::exception_ptr& e) { log("caught", message(e)); });
  loop.run();
  return 0;
}
}  // namespace ticks_then_returns_rejected

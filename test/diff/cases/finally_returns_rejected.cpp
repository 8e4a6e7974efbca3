// A finally returning a rejected promise replaces the outcome, with its ticks.
#include "case_registry.hpp"

namespace finally_returns_rejected {
using namespace awl_diff;

AWL_DIFF_CASE(finally_returns_rejected) {
  awl::EventLoop loop{awl::virtual_time};
  ticker(6);
  awl::Promise<std::string>::resolve("value")
      .finally([] { return awl::Promise<void>::reject(std::runtime_error("from finally")); })
      .catch_([](const std::exception_ptr& e) {
        log("caught", message(e));
        return std::string();
      });
  awl::Promise<std::string>::resolve("value")
      .finally([] { throw std::runtime_error("thrown in finally"); })
      .catch_([](const std::exception_ptr& e) {
        log("caught", message(e));
        return std::string();
      });
  loop.run();
  return 0;
}
}  // namespace finally_returns_rejected

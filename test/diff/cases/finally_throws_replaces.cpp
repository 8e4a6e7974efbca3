// A finally that throws replaces the value or the reason.
#include "case_registry.hpp"

namespace finally_throws_replaces {
using namespace awl_diff;

AWL_DIFF_CASE(finally_throws_replaces) {
  awl::EventLoop loop{awl::virtual_time};
  awl::Promise<std::string>::resolve("value")
      .finally([] { throw std::runtime_error("finally threw over a value"); })
      .then([](const std::string& v) { log("not called", v); },
            [](const std::exception_ptr& e) { log("rejected", message(e)); });
  awl::Promise<std::string>::reject(std::runtime_error("reason"))
      .finally([] { throw std::runtime_error("finally threw over a reason"); })
      .catch_([](const std::exception_ptr& e) {
        log("rejected", message(e));
        return std::string();
      });
  loop.run();
  return 0;
}
}  // namespace finally_throws_replaces

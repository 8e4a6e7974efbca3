// A catch that rethrows passes a new reason down the chain.
#include "case_registry.hpp"

namespace chain_catch_rethrow {
using namespace awl_diff;

AWL_DIFF_CASE(chain_catch_rethrow) {
  awl::EventLoop loop{awl::virtual_time};
  (void)awl::Promise<std::string>::reject(std::runtime_error("original"))
      .catch_([](const std::exception_ptr& e) -> std::string {
        log("first catch", message(e));
        throw std::runtime_error("wrapped: " + message(e));
      })
      .catch_([](const std::exception_ptr& e) {
        log("second catch", message(e));
        return std::string("fine");
      })
      .then([](const std::string& v) { log("then", v); });
  loop.run();
  return 0;
}
}  // namespace chain_catch_rethrow

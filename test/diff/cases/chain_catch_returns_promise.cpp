// catch returning a promise (resolved, then rejected): 2 extra ticks each.
#include "case_registry.hpp"

namespace chain_catch_returns_promise {
using namespace awl_diff;
using P = awl::Promise<std::string>;

AWL_DIFF_CASE(chain_catch_returns_promise) {
  awl::EventLoop loop{awl::virtual_time};
  ticker(7);
  (void)P::reject(std::runtime_error("a"))
      .catch_([] { return P::resolve("recovered"); })
      .then([](const std::string& v) { log("then", v); });
  P::reject(std::runtime_error("b"))
      .catch_([] { return P::reject(std::runtime_error("still bad")); })
      .catch_([](const std::exception_ptr& e) {
        log("catch", message(e));
        return std::string();
      });
  loop.run();
  return 0;
}
}  // namespace chain_catch_returns_promise

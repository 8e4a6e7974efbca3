// Promise.any and Promise.race with a single input, fulfilled and rejected.
#include "case_registry.hpp"

namespace any_single_input {
using namespace awl_diff;
using P = awl::Promise<std::string>;

AWL_DIFF_CASE(any_single_input) {
  awl::EventLoop loop{awl::virtual_time};
  (void)awl::when_any(P::resolve("only")).then([](const std::string& v) { log("any fulfilled", v); });
  awl::when_any(P::reject(std::runtime_error("only failure"))).catch_([](const std::exception_ptr& e) {
    try {
      std::rethrow_exception(e);
    } catch (const awl::AggregateError& aggregate) {
      log("any rejected", aggregate.errors().size(), message(aggregate.errors()[0]));
    }
    return std::string();
  });
  awl::race(P::reject(std::runtime_error("race failure"))).catch_([](const std::exception_ptr& e) {
    log("race rejected", message(e));
    return std::string();
  });
  loop.run();
  return 0;
}
}  // namespace any_single_input

// When every input rejects, Promise.any rejects with an AggregateError whose
// errors are in input order, not in rejection order.
#include "case_registry.hpp"

namespace any_aggregate_error {
using namespace awl_diff;

awl::Promise<int> ko(double ms, std::string msg) {
  co_await awl::sleep(ms);
  log("reject", msg);
  throw std::runtime_error(msg);
}

AWL_DIFF_CASE(any_aggregate_error) {
  awl::EventLoop loop{awl::virtual_time};
  awl::when_any(ko(150, "first input"), ko(50, "second input"), ko(100, "third input"))
      .catch_([](const std::exception_ptr& e) {
        try {
          std::rethrow_exception(e);
        } catch (const awl::AggregateError& aggregate) {
          log("is AggregateError", true);
          log("message", aggregate.what());
          log("errors", aggregate.errors().size());
          for (const auto& err : aggregate.errors()) log(" -", message(err));
        } catch (...) {
          log("is AggregateError", false);
        }
        return 0;
      });
  loop.run();
  return 0;
}
}  // namespace any_aggregate_error

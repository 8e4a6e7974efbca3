// Promise.any([]) is already rejected with an empty AggregateError.
#include "case_registry.hpp"

namespace any_empty {
using namespace awl_diff;

AWL_DIFF_CASE(any_empty) {
  awl::EventLoop loop{awl::virtual_time};
  ticker(2);
  awl::when_any(std::vector<awl::Promise<int>>{}).catch_([](const std::exception_ptr& e) {
    try {
      std::rethrow_exception(e);
    } catch (const awl::AggregateError& aggregate) {
      log("rejected", true, aggregate.errors().size());
    } catch (...) {
      log("rejected", false);
    }
    return 0;
  });
  loop.run();
  return 0;
}
}  // namespace any_empty

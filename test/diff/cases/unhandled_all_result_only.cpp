// Promise.all with two rejected inputs and no handler on its result: only
// the result is reported (the inputs are handled by all).
#include "case_registry.hpp"

namespace unhandled_all_result_only {
using namespace awl_diff;

AWL_DIFF_CASE(unhandled_all_result_only) {
  awl::EventLoop loop{awl::virtual_time};
  std::uintptr_t all_id = 0;
  loop.on_unhandled_rejection([&](const awl::RejectionEvent& e) {
    log("unhandledRejection", message(e.reason), e.promise_id == all_id ? "all" : "input");
  });
  const auto a = awl::Promise<int>::reject(std::runtime_error("a"));
  const auto b = awl::Promise<int>::reject(std::runtime_error("b"));
  const auto all = awl::when_all(a, b);
  all_id = all.id();
  loop.run();
  return 0;
}
}  // namespace unhandled_all_result_only

// When each combinator's result is observable, on already-resolved inputs.
#include "case_registry.hpp"

namespace ticks_combinator_results {
using namespace awl_diff;

std::string status_of(const awl::Settled<int>& r) { return r.fulfilled() ? "fulfilled" : "rejected"; }

AWL_DIFF_CASE(ticks_combinator_results) {
  awl::EventLoop loop{awl::virtual_time};
  const auto a = awl::Promise<int>::resolve(1);
  const auto b = awl::Promise<int>::resolve(2);
  const auto bad = awl::Promise<int>::reject(std::runtime_error("bad"));
  ticker(4);
  (void)awl::when_all(std::vector{a, b}).then([](const std::vector<int>& v) {
    log("all", std::to_string(v[0]) + "," + std::to_string(v[1]));
  });
  (void)awl::when_all_settled(std::vector{a, bad}).then([](const std::vector<awl::Settled<int>>& r) {
    log("allSettled", status_of(r[0]) + "," + status_of(r[1]));
  });
  (void)awl::when_any(bad, b).then([](int v) { log("any", v); });
  (void)awl::race(a, b).then([](int v) { log("race", v); });
  awl::when_all(std::vector{a, bad}).catch_([](const std::exception_ptr& e) {
    log("all rejected", message(e));
    return std::vector<int>{};
  });
  loop.run();
  return 0;
}
}  // namespace ticks_combinator_results

// Combinators over inputs settling in ticks 3, 1 and 2: when does each settle?
#include "case_registry.hpp"

namespace ticks_combinators_pending_inputs {
using namespace awl_diff;
using P = awl::Promise<std::string>;

P in_tick(int n, std::string v, bool fail = false) {
  auto p = awl::Promise<void>::resolve();
  for (int i = 1; i < n; ++i) p = p.then([] {});
  return p.then([v, fail]() -> std::string {
    if (fail) throw std::runtime_error(v);
    return v;
  });
}
std::vector<P> make() { return {in_tick(3, "c"), in_tick(1, "a"), in_tick(2, "b")}; }

AWL_DIFF_CASE(ticks_combinators_pending_inputs) {
  awl::EventLoop loop{awl::virtual_time};
  ticker(6);
  (void)awl::when_all(make()).then(
      [](const std::vector<std::string>& v) { log("all", v[0] + "," + v[1] + "," + v[2]); });
  (void)awl::race(make()).then([](const std::string& v) { log("race", v); });
  (void)awl::when_any(make()).then([](const std::string& v) { log("any", v); });
  (void)awl::when_all_settled(make()).then(
      [](const std::vector<awl::Settled<std::string>>& r) { log("allSettled", r.size()); });
  awl::when_all(std::vector{in_tick(3, "c"), in_tick(2, "b-fails", true)}).catch_([](const std::exception_ptr& e) {
    log("all rejected", message(e));
    return std::vector<std::string>{};
  });
  loop.run();
  return 0;
}
}  // namespace ticks_combinators_pending_inputs

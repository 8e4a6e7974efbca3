// allSettled reports every outcome in input order and never rejects.
#include "case_registry.hpp"

namespace allsettled_mixed {
using namespace awl_diff;

awl::Promise<int> ok(double ms, int v) {
  co_await awl::sleep(ms);
  co_return v;
}
awl::Promise<int> ko(double ms, std::string msg) {
  co_await awl::sleep(ms);
  throw std::runtime_error(msg);
}

AWL_DIFF_CASE(allsettled_mixed) {
  awl::EventLoop loop{awl::virtual_time};
  (void)awl::when_all_settled(
      std::vector{ok(20, 1), ko(10, "boom"), ok(5, 3), awl::Promise<int>::reject(std::runtime_error("now"))})
      .then([](const std::vector<awl::Settled<int>>& results) {
        for (const auto& r : results) {
          if (r.fulfilled())
            log("fulfilled", *r.value);
          else
            log("rejected", message(r.reason));
        }
      });
  loop.run();
  return 0;
}
}  // namespace allsettled_mixed

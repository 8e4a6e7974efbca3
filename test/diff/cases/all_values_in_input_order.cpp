// Promise.all keeps input order although inputs settle in another order.
#include "case_registry.hpp"

namespace all_values_in_input_order {
using namespace awl_diff;

awl::Promise<std::string> delay(double ms, std::string v) {
  co_await awl::sleep(ms);
  log("settled", v);
  co_return v;
}

AWL_DIFF_CASE(all_values_in_input_order) {
  awl::EventLoop loop{awl::virtual_time};
  (void)awl::when_all(std::vector{delay(150, "slow"), delay(50, "fast"), delay(100, "mid")})
      .then([](const std::vector<std::string>& values) { log("all", values[0] + "," + values[1] + "," + values[2]); });
  loop.run();
  return 0;
}
}  // namespace all_values_in_input_order

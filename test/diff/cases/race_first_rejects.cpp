// Promise.race settles like the first input to settle (a rejection here).
#include "case_registry.hpp"

namespace race_first_rejects {
using namespace awl_diff;

awl::Promise<std::string> ok(double ms, std::string v) {
  co_await awl::sleep(ms);
  log("fulfil", v);
  co_return v;
}
awl::Promise<std::string> ko(double ms, std::string msg) {
  co_await awl::sleep(ms);
  log("reject", msg);
  throw std::runtime_error(msg);
}

AWL_DIFF_CASE(race_first_rejects) {
  awl::EventLoop loop{awl::virtual_time};
  awl::race(ok(100, "slow"), ko(50, "early failure"))
      .then([](const std::string& v) { log("race", v); },
            [](const std::exception_ptr& e) { log("race rejected", message(e)); });
  loop.run();
  return 0;
}
}  // namespace race_first_rejects

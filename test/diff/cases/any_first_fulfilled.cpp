// Promise.any fulfils with the first fulfilment; earlier rejections are ignored.
#include "case_registry.hpp"

namespace any_first_fulfilled {
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

AWL_DIFF_CASE(any_first_fulfilled) {
  awl::EventLoop loop{awl::virtual_time};
  (void)awl::when_any(ko(100, "e1"), ok(250, "slow"), ok(175, "fast"), ko(25, "e2")).then([](const std::string& v) {
    log("any", v);
  });
  loop.run();
  return 0;
}
}  // namespace any_first_fulfilled

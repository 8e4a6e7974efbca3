// The timeout idiom: race a slow operation against a rejecting timer.
#include "case_registry.hpp"

namespace race_timeout_pattern {
using namespace awl_diff;

awl::Promise<std::string> fetch_data(double ms, std::string what) {
  co_await awl::sleep(ms);
  log("fetched", what);
  co_return what;
}
awl::Promise<std::string> timeout(double ms) {
  return awl::Promise<std::string>([ms](awl::Resolver<std::string>, awl::Rejecter<std::string> reject) {
    awl::set_timeout([reject, ms] { reject(std::runtime_error("timeout after " + std::to_string(int(ms)))); }, ms);
  });
}
awl::Promise<void> main_fn() {
  try {
    log("got", co_await awl::race(fetch_data(10, "quick"), timeout(30)));
  } catch (const std::exception& e) {
    log("error", e.what());
  }
  try {
    log("got", co_await awl::race(fetch_data(120, "slow"), timeout(30)));
  } catch (const std::exception& e) {
    log("error", e.what());
  }
}

AWL_DIFF_CASE(race_timeout_pattern) {
  awl::EventLoop loop{awl::virtual_time};
  (void)main_fn().then([] { log("main done"); });
  loop.run();
  return 0;
}
}  // namespace race_timeout_pattern

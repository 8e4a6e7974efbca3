// await of a rejected promise throws into the async function after 1 tick.
#include "case_registry.hpp"

namespace ticks_await_rejected {
using namespace awl_diff;

awl::Promise<void> f() {
  try {
    co_await awl::Promise<void>::reject(std::runtime_error("nope"));
    log("not reached");
  } catch (const std::exception& e) {
    log("caught", e.what());
  }
  try {
    co_await awl::Promise<void>([](awl::Resolver<void>, awl::Rejecter<void> reject) {
      awl::set_timeout([reject] { reject(std::runtime_error("later")); }, 5);
    });
  } catch (const std::exception& e) {
    log("caught", e.what());
  }
}

AWL_DIFF_CASE(ticks_await_rejected) {
  awl::EventLoop loop{awl::virtual_time};
  ticker(3);
  (void)f().then([] { log("f done"); });
  loop.run();
  return 0;
}
}  // namespace ticks_await_rejected

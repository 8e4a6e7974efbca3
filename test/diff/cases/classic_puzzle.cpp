// The classic interview puzzle.
#include "case_registry.hpp"

namespace classic_puzzle {
using namespace awl_diff;

awl::Promise<void> async2() {
  log("async2");
  co_return;
}

awl::Promise<void> async1() {
  log("async1 start");
  co_await async2();
  log("async1 end");
}

AWL_DIFF_CASE(classic_puzzle) {
  awl::EventLoop loop{awl::virtual_time};
  log("script start");
  awl::set_timeout([] { log("setTimeout"); }, 0);
  (void)async1();
  (void)awl::Promise<void>([](awl::Resolver<void> resolve, awl::Rejecter<void>) {
    log("promise1");
    resolve();
  }).then([] { log("promise2"); });
  log("script end");
  loop.run();
  return 0;
}
}  // namespace classic_puzzle

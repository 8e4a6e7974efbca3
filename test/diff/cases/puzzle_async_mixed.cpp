// A larger puzzle mixing async functions, executors, thens and timers.
#include "case_registry.hpp"

namespace puzzle_async_mixed {
using namespace awl_diff;

awl::Promise<void> a2() {
  log("a2 start");
  co_await awl::Promise<void>::resolve();
  log("a2 end");
}
awl::Promise<void> a1() {
  log("a1 start");
  co_await a2();
  log("a1 end");
}

AWL_DIFF_CASE(puzzle_async_mixed) {
  awl::EventLoop loop{awl::virtual_time};
  log("start");
  awl::set_timeout([] { log("timeout 0"); }, 0);
  awl::set_timeout(
      [] {
        log("timeout 10");
        (void)awl::Promise<void>::resolve().then([] { log("micro in timeout 10"); });
      },
      10);
  (void)a1();
  (void)awl::Promise<void>([](awl::Resolver<void> resolve, awl::Rejecter<void>) {
    log("executor");
    resolve();
    log("executor end");
  })
      .then([] { log("then 1"); })
      .then([] { log("then 2"); })
      .then([] { log("then 3"); });
  awl::queue_microtask([] { log("queued"); });
  log("end");
  loop.run();
  return 0;
}
}  // namespace puzzle_async_mixed

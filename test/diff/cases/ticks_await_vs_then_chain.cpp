// Three awaits in an async function vs a three-link then chain: same pace.
#include "case_registry.hpp"

namespace ticks_await_vs_then_chain {
using namespace awl_diff;

awl::Promise<void> awaits() {
  co_await awl::Promise<void>::resolve();
  log("await 1");
  co_await awl::Promise<void>::resolve();
  log("await 2");
  co_await awl::Promise<void>::resolve();
  log("await 3");
}

AWL_DIFF_CASE(ticks_await_vs_then_chain) {
  awl::EventLoop loop{awl::virtual_time};
  (void)awaits();
  (void)awl::Promise<void>::resolve().then([] { log("then 1"); }).then([] { log("then 2"); }).then([] {
    log("then 3");
  });
  loop.run();
  return 0;
}
}  // namespace ticks_await_vs_then_chain

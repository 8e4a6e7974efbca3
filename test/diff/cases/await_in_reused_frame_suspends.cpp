// An async function finishes inside a microtask; the reaction to its promise
// calls it again (in awl the new frame comes back at the same address) and
// goes on after the call, with nothing else queued: the new call's first
// await suspends, as any call's does.
#include "case_registry.hpp"

namespace await_in_reused_frame_suspends {
using namespace awl_diff;

awl::Promise<void> step(std::string name) {
  log(name, "start");
  co_await awl::Promise<int>::resolve(0);
  log(name, "resumed");
}

AWL_DIFF_CASE(await_in_reused_frame_suspends) {
  awl::EventLoop loop{awl::virtual_time};
  (void)step("first")
      .then([] {
        awl::Promise<void> second = step("second");
        log("callback", "after second call");
        return second;
      })
      .then([] {
        (void)step("third");
        log("callback", "after third call");
      });
  log("main", "end");
  loop.run();
  return 0;
}
}  // namespace await_in_reused_frame_suspends

// An exception escaping a timer callback ends the process (status 1); the
// microtask it queued and the later timers never run.
#include "case_registry.hpp"

namespace timers_throw_exits {
using namespace awl_diff;

AWL_DIFF_CASE(timers_throw_exits) {
  awl::EventLoop loop{awl::virtual_time};
  awl::set_timeout([] { log("t1"); }, 5);
  awl::set_timeout(
      [] {
        log("t2 throws");
        (void)awl::Promise<void>::resolve().then([] { log("never: microtask of t2"); });
        throw std::runtime_error("boom");
      },
      20);
  awl::set_timeout([] { log("never: t3"); }, 60);
  loop.run();  // the exception propagates out of run(): exit status 1
  return 0;
}
}  // namespace timers_throw_exits

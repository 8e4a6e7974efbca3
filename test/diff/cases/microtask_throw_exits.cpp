// An exception escaping a queueMicrotask callback ends the process at once
// (status 1): the rest of the microtask queue is not run.
#include "case_registry.hpp"

namespace microtask_throw_exits {
using namespace awl_diff;

AWL_DIFF_CASE(microtask_throw_exits) {
  awl::EventLoop loop{awl::virtual_time};
  awl::queue_microtask([] { log("m1"); });
  awl::queue_microtask([] {
    log("m2 throws");
    throw std::runtime_error("boom");
  });
  awl::queue_microtask([] { log("never: m3"); });
  (void)awl::Promise<void>::resolve().then([] { log("never: then"); });
  awl::set_timeout([] { log("never: timer"); }, 1);
  loop.run();
  return 0;
}
}  // namespace microtask_throw_exits

// await of an already-resolved native promise resumes after exactly 1 tick.
#include "case_registry.hpp"

namespace ticks_await_resolved {
using namespace awl_diff;

awl::Promise<void> f() {
  log("f start");
  const int v = co_await awl::Promise<int>::resolve(7);
  log("f resumed", v);
  co_await awl::Promise<int>::resolve(8);
  log("f resumed again");
}

AWL_DIFF_CASE(ticks_await_resolved) {
  awl::EventLoop loop{awl::virtual_time};
  ticker(4);
  (void)f();
  log("sync end");
  loop.run();
  return 0;
}
}  // namespace ticks_await_resolved

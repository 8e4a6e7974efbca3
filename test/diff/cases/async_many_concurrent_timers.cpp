// Concurrent async functions on timers: order by due time, then by start order.
#include "case_registry.hpp"

namespace async_many_concurrent_timers {
using namespace awl_diff;

awl::Promise<void> task(std::string id, std::vector<int> delays) {
  for (int ms : delays) {
    co_await awl::sleep(ms);
    log("task", id, "slept", ms);
  }
}

AWL_DIFF_CASE(async_many_concurrent_timers) {
  awl::EventLoop loop{awl::virtual_time};
  (void)task("A", {20, 40});
  (void)task("B", {180});
  (void)task("C", {20, 200});
  (void)task("D", {120});
  loop.run();
  return 0;
}
}  // namespace async_many_concurrent_timers

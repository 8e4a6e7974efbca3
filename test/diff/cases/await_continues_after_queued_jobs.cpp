// An await of a settled promise inside a coroutine the loop resumed still
// lets every microtask queued before it run first: a callback the coroutine
// queued, a reaction of a promise it settled, and a second coroutine taking
// turns with it.
#include "case_registry.hpp"

namespace await_continues_after_queued_jobs {
using namespace awl_diff;

awl::Promise<int> worker(std::string name, int steps) {
  log(name, "start");
  for (int i = 1; i <= steps; ++i) {
    co_await awl::Promise<int>::resolve(i);
    log(name, "resumed", i);
    if (i == 2) awl::queue_microtask([name, i] { log(name, "microtask queued at", i); });
    if (i == 3) (void)awl::Promise<int>::resolve(i).then([name](int v) { log(name, "reaction queued at", v); });
  }
  co_return steps;
}

AWL_DIFF_CASE(await_continues_after_queued_jobs) {
  awl::EventLoop loop{awl::virtual_time};
  (void)worker("alone", 5).then([](int v) {
    log("alone", "done", v);
    (void)worker("left", 3);
    (void)worker("right", 3);
    log("both", "started");
  });
  log("main", "end");
  loop.run();
  return 0;
}
}  // namespace await_continues_after_queued_jobs

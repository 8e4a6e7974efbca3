// Promise reactions and queueMicrotask share one FIFO queue.
#include "case_registry.hpp"

namespace order_micro_fifo {
using namespace awl_diff;

AWL_DIFF_CASE(order_micro_fifo) {
  awl::EventLoop loop{awl::virtual_time};
  const auto p = awl::Promise<void>::resolve();
  awl::queue_microtask([] { log("qm 1"); });
  (void)p.then([] { log("then 1"); });
  awl::queue_microtask([] { log("qm 2"); });
  (void)p.then([] { log("then 2"); });
  (void)awl::Promise<void>::resolve().then([] { log("then 3"); });
  awl::queue_microtask([] { log("qm 3"); });
  loop.run();
  return 0;
}
}  // namespace order_micro_fifo

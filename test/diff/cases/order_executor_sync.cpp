// The executor runs synchronously inside the constructor; then callbacks never do.
#include "case_registry.hpp"

namespace order_executor_sync {
using namespace awl_diff;

AWL_DIFF_CASE(order_executor_sync) {
  awl::EventLoop loop{awl::virtual_time};
  log("before");
  awl::Promise<int> p([](awl::Resolver<int> resolve, awl::Rejecter<int>) {
    log("executor start");
    resolve(1);
    log("executor after resolve");
  });
  log("after constructor");
  (void)p.then([](int v) { log("then", v); });
  log("after then");
  loop.run();
  return 0;
}
}  // namespace order_executor_sync

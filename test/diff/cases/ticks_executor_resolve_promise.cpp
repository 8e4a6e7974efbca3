// resolve(p) with a native promise p costs 2 extra ticks over resolve(v).
#include "case_registry.hpp"

namespace ticks_executor_resolve_promise {
using namespace awl_diff;

AWL_DIFF_CASE(ticks_executor_resolve_promise) {
  awl::EventLoop loop{awl::virtual_time};
  ticker(5);
  (void)awl::Promise<int>([](awl::Resolver<int> resolve, awl::Rejecter<int>) { resolve(1); }).then([](int v) {
    log("resolve(v) then", v);
  });
  (void)awl::Promise<int>([](awl::Resolver<int> resolve, awl::Rejecter<int>) {
    resolve(awl::Promise<int>::resolve(2));
  }).then([](int v) { log("resolve(p) then", v); });
  loop.run();
  return 0;
}
}  // namespace ticks_executor_resolve_promise

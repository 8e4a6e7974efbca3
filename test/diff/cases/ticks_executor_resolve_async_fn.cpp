// resolve(asyncFn()) in an executor and `return asyncFn()` from an async
// function: both adopt a native promise (2 extra ticks).
#include "case_registry.hpp"

namespace ticks_executor_resolve_async_fn {
using namespace awl_diff;
using P = awl::Promise<std::string>;

P inner() { co_return "inner value"; }
P outer_return() { co_return inner(); }
P outer_await() { co_return co_await inner(); }

AWL_DIFF_CASE(ticks_executor_resolve_async_fn) {
  awl::EventLoop loop{awl::virtual_time};
  ticker(6);
  (void)P([](awl::Resolver<std::string> resolve, awl::Rejecter<std::string>) {
    resolve(inner());
  }).then([](const std::string& v) { log("executor", v); });
  (void)outer_return().then([](const std::string& v) { log("return inner()", v); });
  (void)outer_await().then([](const std::string& v) { log("return await inner()", v); });
  loop.run();
  return 0;
}
}  // namespace ticks_executor_resolve_async_fn

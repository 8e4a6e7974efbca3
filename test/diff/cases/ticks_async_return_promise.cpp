// An async function's `return p` costs 2 more ticks than `return v`.
#include "case_registry.hpp"

namespace ticks_async_return_promise {
using namespace awl_diff;

awl::Promise<int> returns_value() { co_return 1; }
awl::Promise<int> returns_promise() { co_return awl::Promise<int>::resolve(2); }
awl::Promise<int> returns_awaited() { co_return co_await awl::Promise<int>::resolve(3); }

AWL_DIFF_CASE(ticks_async_return_promise) {
  awl::EventLoop loop{awl::virtual_time};
  ticker(6);
  (void)returns_value().then([](int v) { log("value", v); });
  (void)returns_promise().then([](int v) { log("promise", v); });
  (void)returns_awaited().then([](int v) { log("awaited", v); });
  loop.run();
  return 0;
}
}  // namespace ticks_async_return_promise

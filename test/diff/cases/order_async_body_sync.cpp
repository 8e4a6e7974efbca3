// An async function's body runs synchronously up to its first await.
#include "case_registry.hpp"

namespace order_async_body_sync {
using namespace awl_diff;

awl::Promise<std::string> f(std::string name) {
  log(name, "sync part");
  if (name == "no-await") co_return "done";
  co_await awl::Promise<void>::resolve();
  log(name, "after await");
  co_return "done";
}

AWL_DIFF_CASE(order_async_body_sync) {
  awl::EventLoop loop{awl::virtual_time};
  log("before");
  const auto a = f("no-await");
  const auto b = f("with-await");
  log("after calls");
  (void)a.then([](const std::string& v) { log("no-await", v); });
  (void)b.then([](const std::string& v) { log("with-await", v); });
  loop.run();
  return 0;
}
}  // namespace order_async_body_sync

// try/catch around awaits: rejections of awaited promises and of awaited
// async functions land in the catch; execution continues after it.
#include "case_registry.hpp"

namespace async_try_catch_await {
using namespace awl_diff;

awl::Promise<void> failing(std::string msg) {
  co_await awl::Promise<void>::resolve();
  throw std::runtime_error(msg);
}

awl::Promise<std::string> main_fn() {
  for (const char* msg : {"one", "two"}) {
    try {
      log("trying", msg);
      co_await failing(msg);
      log("not reached");
    } catch (const std::exception& e) {
      log("caught", e.what());
    }
  }
  try {
    co_await awl::Promise<void>::reject(std::runtime_error("direct"));
  } catch (const std::exception& e) {
    log("caught", e.what());
  }
  co_return "main finished";
}

AWL_DIFF_CASE(async_try_catch_await) {
  awl::EventLoop loop{awl::virtual_time};
  (void)main_fn().then([](const std::string& v) { log(v); });
  loop.run();
  return 0;
}
}  // namespace async_try_catch_await

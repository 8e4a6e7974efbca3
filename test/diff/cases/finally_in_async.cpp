// try/finally in an async function around awaits, vs promise finally.
// C++ has no finally block: the cleanup runs on both paths explicitly.
#include "case_registry.hpp"

namespace finally_in_async {
using namespace awl_diff;

awl::Promise<std::string> work(bool fail) {
  std::exception_ptr error;
  std::string result;
  try {
    log("work start", fail);
    co_await awl::Promise<void>::resolve();
    if (fail) throw std::runtime_error("work failed");
    result = "ok";
  } catch (...) {
    error = std::current_exception();
  }
  // The finally block, inlined (no co_await of another coroutine: keeps the tick count).
  log("finally block", fail);
  co_await awl::Promise<void>::resolve();
  log("finally block after await", fail);
  if (error) std::rethrow_exception(error);
  co_return result;
}

AWL_DIFF_CASE(finally_in_async) {
  awl::EventLoop loop{awl::virtual_time};
  (void)work(false).then([](const std::string& v) { log("result", v); });
  work(true).catch_([](const std::exception_ptr& e) {
    log("error", message(e));
    return std::string();
  });
  loop.run();
  return 0;
}
}  // namespace finally_in_async

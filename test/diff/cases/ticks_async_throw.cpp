// An async function that throws before any await returns an already-rejected
// promise; one that throws after an await rejects later.
#include "case_registry.hpp"

namespace ticks_async_throw {
using namespace awl_diff;

awl::Promise<void> early() {
  log("early body");
  throw std::runtime_error("early");
  co_return;
}
awl::Promise<void> late() {
  co_await awl::Promise<void>::resolve();
  log("late body");
  throw std::runtime_error("late");
}

AWL_DIFF_CASE(ticks_async_throw) {
  awl::EventLoop loop{awl::virtual_time};
  ticker(4);
  late().catch_([](const std::exception_ptr& e) { log("caught", message(e)); });
  early().catch_([](const std::exception_ptr& e) { log("caught", message(e)); });
  log("sync end");
  loop.run();
  return 0;
}
}  // namespace ticks_async_throw

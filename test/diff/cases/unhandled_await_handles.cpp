// await marks a rejected promise handled: awaited in the same drain it is never
// reported; awaited only in a later macrotask it is reported first. Exit 0.
#include "case_registry.hpp"

namespace unhandled_await_handles {
using namespace awl_diff;

awl::Promise<void> consumer(awl::Promise<void> p) {
  try {
    co_await p;
  } catch (const std::exception& e) {
    log("consumer caught", e.what());
  }
}
awl::Promise<void> early() {
  try {
    co_await awl::Promise<void>::reject(std::runtime_error("early"));
  } catch (const std::exception& e) {
    log("early caught", e.what());
  }
}

AWL_DIFF_CASE(unhandled_await_handles) {
  awl::EventLoop loop{awl::virtual_time};
  loop.on_unhandled_rejection([](const awl::RejectionEvent& e) { log("unhandledRejection", message(e.reason)); });
  const auto p = awl::Promise<void>::reject(std::runtime_error("awaited"));
  awl::set_timeout([p] { (void)consumer(p); }, 0);
  (void)early();
  loop.run();
  return 0;
}
}  // namespace unhandled_await_handles

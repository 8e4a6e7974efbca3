// Resolving with a rejected promise rejects 2 ticks later (and handles it).
#include "case_registry.hpp"

namespace ticks_resolve_with_rejected {
using namespace awl_diff;

AWL_DIFF_CASE(ticks_resolve_with_rejected) {
  awl::EventLoop loop{awl::virtual_time};
  ticker(5);
  awl::Promise<void>([](awl::Resolver<void> resolve, awl::Rejecter<void>) {
    resolve(awl::Promise<void>::reject(std::runtime_error("inner")));
  }).catch_([](const std::exception_ptr& e) { log("caught", message(e)); });
  awl::Promise<void>::reject(std::runtime_error("direct")).catch_([](const std::exception_ptr& e) {
    log("caught", message(e));
  });
  loop.run();
  return 0;
}
}  // namespace ticks_resolve_with_rejected

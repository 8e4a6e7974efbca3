// An async function's `return Promise.reject(e)` rejects 2 ticks later than `throw e`.
#include "case_registry.hpp"

namespace ticks_async_return_rejected {
using namespace awl_diff;

awl::Promise<int> throws() {
  throw std::runtime_error("thrown");
  co_return 0;
}
awl::Promise<int> returns_rejected() { co_return awl::Promise<int>::reject(std::runtime_error("returned")); }

AWL_DIFF_CASE(ticks_async_return_rejected) {
  awl::EventLoop loop{awl::virtual_time};
  ticker(5);
  returns_rejected().catch_([](const std::exception_ptr& e) {
    log("caught", message(e));
    return 0;
  });
  throws().catch_([](const std::exception_ptr& e) {
    log("caught", message(e));
    return 0;
  });
  loop.run();
  return 0;
}
}  // namespace ticks_async_return_rejected

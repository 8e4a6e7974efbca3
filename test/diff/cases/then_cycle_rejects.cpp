// A then callback returning its own derived promise: a chaining cycle, rejected.
#include "case_registry.hpp"

namespace then_cycle_rejects {
using namespace awl_diff;

AWL_DIFF_CASE(then_cycle_rejects) {
  awl::EventLoop loop{awl::virtual_time};
  auto derived = std::make_shared<awl::Promise<void>>();
  *derived = awl::Promise<void>::resolve().then([derived] { return *derived; });
  derived->then([] { log("not called"); }, [] { log("cycle rejected"); });
  loop.run();
  *derived = awl::Promise<void>();  // break the handle cycle
  return 0;
}
}  // namespace then_cycle_rejects

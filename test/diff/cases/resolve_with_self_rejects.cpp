// Resolving a promise with itself rejects it (a TypeError in JS, a chaining
// cycle error in awl: only the fact of the rejection is compared).
#include "case_registry.hpp"

namespace resolve_with_self_rejects {
using namespace awl_diff;

AWL_DIFF_CASE(resolve_with_self_rejects) {
  awl::EventLoop loop{awl::virtual_time};
  Deferred<int> d;
  ticker(2);
  d.resolve(d.promise());
  d.promise().then([](int) { log("not called"); }, [] { log("rejected"); });
  loop.run();
  return 0;
}
}  // namespace resolve_with_self_rejects

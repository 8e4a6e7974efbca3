// Two independent chains advance one link per tick, alternating.
#include "case_registry.hpp"

namespace chain_two_interleave {
using namespace awl_diff;

AWL_DIFF_CASE(chain_two_interleave) {
  awl::EventLoop loop{awl::virtual_time};
  auto a = awl::Promise<void>::resolve();
  auto b = awl::Promise<void>::resolve();
  for (int i = 1; i <= 4; ++i) {
    a = a.then([i] { log("a", i); });
    b = b.then([i] { log("b", i); });
  }
  loop.run();
  return 0;
}
}  // namespace chain_two_interleave

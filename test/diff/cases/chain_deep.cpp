// A 10000-link chain: value and tick position survive the depth.
#include "case_registry.hpp"

namespace chain_deep {
using namespace awl_diff;

AWL_DIFF_CASE(chain_deep) {
  awl::EventLoop loop{awl::virtual_time};
  auto p = awl::Promise<int>::resolve(0);
  for (int i = 0; i < 10000; ++i) p = p.then([](int v) { return v + 1; });
  (void)p.then([](int v) { log("sum", v); });
  auto q = awl::Promise<void>::resolve();
  for (int i = 1; i <= 10001; ++i)
    q = q.then([i] {
      if (i % 2500 == 0 || i >= 10000) log("tick", i);
    });
  loop.run();
  return 0;
}
}  // namespace chain_deep

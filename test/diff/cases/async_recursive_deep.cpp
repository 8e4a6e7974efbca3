// A 2000-deep synchronous async recursion that unwinds one tick per level.
#include "case_registry.hpp"

namespace async_recursive_deep {
using namespace awl_diff;

awl::Promise<int> depth(int n) {
  if (n == 0) co_return 0;
  const int below = co_await depth(n - 1);
  if (n % 500 == 0) log("level", n, "got", below);
  co_return below + 1;
}

AWL_DIFF_CASE(async_recursive_deep) {
  awl::EventLoop loop{awl::virtual_time};
  (void)depth(2000).then([](int v) { log("result", v); });
  auto q = awl::Promise<void>::resolve();
  for (int i = 1; i <= 2001; ++i)
    q = q.then([i] {
      if (i % 1000 == 0 || i > 1999) log("tick", i);
    });
  loop.run();
  return 0;
}
}  // namespace async_recursive_deep

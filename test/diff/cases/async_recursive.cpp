// A recursive async function: unwinds one tick per level.
#include "case_registry.hpp"

namespace async_recursive {
using namespace awl_diff;

awl::Promise<int> countdown(int n) {
  log("enter", n);
  if (n == 0) co_return 0;
  const int r = co_await countdown(n - 1);
  log("leave", n);
  co_return r + n;
}

AWL_DIFF_CASE(async_recursive) {
  awl::EventLoop loop{awl::virtual_time};
  ticker(6);
  (void)countdown(4).then([](int v) { log("sum", v); });
  loop.run();
  return 0;
}
}  // namespace async_recursive

// The well-known "return Promise.resolve(4)" puzzle: 0 1 2 3 4 5 6.
#include "case_registry.hpp"

namespace puzzle_then_returns_promise {
using namespace awl_diff;

AWL_DIFF_CASE(puzzle_then_returns_promise) {
  awl::EventLoop loop{awl::virtual_time};
  (void)awl::Promise<void>::resolve()
      .then([] {
        log(0);
        return awl::Promise<int>::resolve(4);
      })
      .then([](int v) { log(v); });
  (void)awl::Promise<void>::resolve()
      .then([] { log(1); })
      .then([] { log(2); })
      .then([] { log(3); })
      .then([] { log(5); })
      .then([] { log(6); });
  loop.run();
  return 0;
}
}  // namespace puzzle_then_returns_promise

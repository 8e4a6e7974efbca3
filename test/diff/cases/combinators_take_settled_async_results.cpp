// Results known at once (an async function that never awaits, Promise.resolve)
// next to the same value through a then, in every combinator and in await.
#include "case_registry.hpp"

namespace combinators_take_settled_async_results {
using namespace awl_diff;

awl::Promise<int> now(int v) { co_return v; }
awl::Promise<int> later(int v) {
  co_await awl::Promise<void>::resolve();
  co_return v;
}

awl::Promise<void> awaits() {
  const int a = co_await now(8);
  log("await now", a);
  const int b = co_await later(9);
  log("await later", b);
  awl::Promise<int> c = now(10);
  const int first = co_await c;
  const int second = co_await c;
  log("copied", first, second);
}

AWL_DIFF_CASE(combinators_take_settled_async_results) {
  awl::EventLoop loop{awl::virtual_time};
  ticker(6);
  awl::Promise<int> through_then = awl::Promise<int>::resolve(3).then([](int v) { return v; });
  awl::when_all(std::vector{now(1), awl::Promise<int>::resolve(2), through_then, later(4)})
      .then([](const std::vector<int>& v) {
        log("all", std::to_string(v[0]) + "," + std::to_string(v[1]) + "," + std::to_string(v[2]) + "," +
                       std::to_string(v[3]));
      });
  awl::when_all_settled(std::vector{now(1), later(2)}).then([](const auto& v) { log("allSettled", v.size()); });
  awl::when_any(std::vector{later(5), now(6)}).then([](int v) { log("any", v); });
  awl::race(std::vector{through_then, now(7)}).then([](int v) { log("race", v); });
  awaits();
  loop.run();
  return 0;
}
}  // namespace combinators_take_settled_async_results

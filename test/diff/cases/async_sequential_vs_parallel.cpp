// Sequential awaits vs starting everything first (the article's dashboard).
#include "case_registry.hpp"

namespace async_sequential_vs_parallel {
using namespace awl_diff;

awl::Promise<std::string> call(std::string name, double ms) {
  log("start", name);
  co_await awl::sleep(ms);
  log("done", name);
  co_return name;
}
awl::Promise<std::string> sequential() {
  const std::string a = co_await call("seq-a", 30);
  const std::string b = co_await call("seq-b", 30);
  co_return a + "+" + b;
}
awl::Promise<std::string> parallel() {
  auto [a, b] = co_await awl::when_all(call("par-a", 30), call("par-b", 30));
  co_return a + "+" + b;
}
awl::Promise<void> main_fn() {
  log("sequential", co_await sequential());
  log("parallel", co_await parallel());
}

AWL_DIFF_CASE(async_sequential_vs_parallel) {
  awl::EventLoop loop{awl::virtual_time};
  (void)main_fn();
  loop.run();
  return 0;
}
}  // namespace async_sequential_vs_parallel

// Many concurrent async functions interleave one await at a time.
#include "case_registry.hpp"

namespace async_many_concurrent {
using namespace awl_diff;

awl::Promise<int> worker(int id, int steps) {
  for (int s = 1; s <= steps; ++s) {
    co_await awl::Promise<void>::resolve();
    log("worker", id, "step", s);
  }
  co_return id * 100;
}

AWL_DIFF_CASE(async_many_concurrent) {
  awl::EventLoop loop{awl::virtual_time};
  std::vector<awl::Promise<int>> workers;
  for (int id = 1; id <= 5; ++id) workers.push_back(worker(id, id % 3 + 1));
  (void)awl::when_all(workers).then([](const std::vector<int>& r) {
    std::string joined;
    for (int v : r) joined += (joined.empty() ? "" : ",") + std::to_string(v);
    log("results", joined);
  });
  log("all started");
  loop.run();
  return 0;
}
}  // namespace async_many_concurrent

// RUN: %check_async --fix-notes %s async-await-in-loop %t
// Negative: every iteration awaits the same call with the same arguments -
// a benchmark of serial awaiting, a repeated ping, a drain - a repetition,
// not a batch of different work.
#include <awl/promise.hpp>
#include <chrono>
#include <vector>

awl::Promise<void> ping();
awl::Promise<int> fetch_count(int id);
awl::Promise<void> load_config();

awl::Promise<double> bench_sequential(int iterations) {
  auto start = std::chrono::steady_clock::now();
  for (int i = 0; i < iterations; ++i)
    co_await ping();
  auto elapsed = std::chrono::steady_clock::now() - start;
  co_return std::chrono::duration<double>(elapsed).count();
}

awl::Promise<int> sample(int id, int times) {
  int total = 0;
  for (int i = 0; i < times; ++i)
    total += co_await fetch_count(id);
  co_return total;
}

awl::Promise<void> reload(int n) {
  while (n-- > 0) co_await load_config();
}

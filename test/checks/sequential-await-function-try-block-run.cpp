// RUN: %check_async %s async-sequential-await %t
// RUN-AND-COMPARE
// ELAPSED-BEFORE: 200ms
// ELAPSED-AFTER: 100ms
// A coroutine whose body is a function-try-block (`Promise<int> f() try {
// ... } catch (...) { ... }`, what a HANDLER_BEGIN/HANDLER_END macro pair
// expands to) is analysed like any other: its awaits are grouped and the
// fix runs both lookups at once, 200 ms -> 100 ms, with the same output.
#include <awl/awl.hpp>
#include <cstdio>
#include <stdexcept>

awl::Promise<int> fetch_score(int id) {
  co_await awl::sleep(100);
  if (id < 0)
    throw std::invalid_argument("negative id");
  co_return id * 10;
}
awl::Promise<int> fetch_rank(int id) {
  co_await awl::sleep(100);
  co_return id + 1;
}

awl::Promise<int> summary(int id) try {
  int score = co_await fetch_score(id);
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: 2 independent co_await expressions run one after another; start them together with 'awl::when_all' [async-sequential-await]
  int rank = co_await fetch_rank(id);
  // CHECK-FIXES: {{^}}  auto [score, rank] = co_await awl::when_all(fetch_score(id), fetch_rank(id));{{$}}
  co_return score * 100 + rank;
} catch (const std::exception &error) {
  std::printf("failed: %s\n", error.what());
  co_return -1;
}

int main() {
  awl::EventLoop loop{awl::virtual_time};
  const double start = loop.now();
  (void)summary(4).then([&](int value) {
    std::printf("summary %d\n", value);
    std::printf("elapsed %.0fms\n", loop.now() - start);
  });
  loop.run();
}

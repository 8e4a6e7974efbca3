// RUN: %check_async %s async-await-in-loop %t
// RUN-AND-COMPARE
// ELAPSED-BEFORE: 400ms
// ELAPSED-AFTER: 100ms
// libcoro: a loop accumulating awaited results becomes one coro::when_all
// over a vector of tasks; each element's return_value() gives the value (or
// rethrows), added in the original order.
#include <coro/coro.hpp>
#include <chrono>
#include <cstdio>
#include <memory>
#include <vector>

using namespace std::chrono_literals;
using scheduler_ptr = std::shared_ptr<coro::scheduler>;

coro::task<int> fetch_count(scheduler_ptr s, int id) {
  co_await s->yield_for(100ms);
  co_return id * 10;
}

coro::task<int> total_of(scheduler_ptr s, std::vector<int> ids) {
  int total = 0;
  for (int id : ids)
    total += co_await fetch_count(s, id);
  // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: co_await in a loop runs the iterations one after another; start them together and await once with 'coro::when_all' [async-await-in-loop]
  // CHECK-FIXES: {{^}}  std::vector<coro::task<int>> count_tasks;{{$}}
  // CHECK-FIXES-NEXT: {{^}}  count_tasks.reserve(ids.size());{{$}}
  // CHECK-FIXES-NEXT: {{^}}  for (int id : ids){{$}}
  // CHECK-FIXES-NEXT: {{^}}    count_tasks.push_back(fetch_count(s, id));{{$}}
  // CHECK-FIXES-NEXT: {{^}}  auto counts = co_await coro::when_all(std::move(count_tasks));{{$}}
  // CHECK-FIXES-NEXT: {{^}}  for (auto& count : counts){{$}}
  // CHECK-FIXES-NEXT: {{^}}    total += std::move(count).return_value();{{$}}
  co_return total;
}

int main() {
  scheduler_ptr s = coro::scheduler::make_unique();
  const double t0 = mock_loop::now_ms();
  int total = coro::sync_wait(total_of(s, {4, 1, 3, 2}));
  std::printf("total %d\n", total);
  std::printf("elapsed %.0fms\n", mock_loop::now_ms() - t0);
}

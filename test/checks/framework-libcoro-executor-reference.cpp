// RUN: %check_async %s async-sequential-await,async-await-in-loop %t
// The executor passed by reference, as libcoro's own examples do: the
// scheduler's schedule() is a primitive and the pool is made for concurrent
// use, so it orders neither the calls nor the loop's iterations.
#include <coro/coro.hpp>
#include <chrono>
#include <string>
#include <vector>
using namespace std::chrono_literals;
coro::task<int> fetch_count(coro::thread_pool &tp, int id) {
  co_await tp.schedule();
  co_return id * 10;
}
coro::task<std::string> fetch_name(coro::thread_pool &tp, int id) {
  co_await tp.schedule();
  co_return std::to_string(id);
}
coro::task<int> run(coro::thread_pool &tp) {
  int count = co_await fetch_count(tp, 1);
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: 2 independent co_await expressions run one after another; start them together with 'coro::when_all' [async-sequential-await]
  std::string name = co_await fetch_name(tp, 2);
  co_return count + static_cast<int>(name.size());
}
coro::task<int> total(coro::thread_pool &tp, std::vector<int> ids) {
  int sum = 0;
  for (int id : ids)
    sum += co_await fetch_count(tp, id);
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: co_await in a loop runs the iterations one after another; start them together and await once with 'coro::when_all' [async-await-in-loop]
  co_return sum;
}
// CHECK-FIXES: {{^}}  auto [count_result, name_result] = co_await coro::when_all(fetch_count(tp, 1), fetch_name(tp, 2));{{$}}
// CHECK-FIXES: {{^}}  auto counts = co_await coro::when_all(std::move(count_tasks));{{$}}

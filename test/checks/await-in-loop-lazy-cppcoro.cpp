// RUN: %check_async %s async-await-in-loop %t
// Lazy tasks (cppcoro): the loop is serial all the same; the tasks are
// collected (they start only when cppcoro::when_all starts them) and awaited
// together.
#include <cppcoro/task.hpp>
#include <vector>

cppcoro::task<int> fetch_count(int id);

cppcoro::task<int> total(std::vector<int> ids) {
  int sum = 0;
  for (int id : ids) {
    co_await fetch_count(id);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: co_await in a loop runs the iterations one after another; start them together and await once with 'cppcoro::when_all' [async-await-in-loop]
    // CHECK-FIXES: {{^}}#include <cppcoro/when_all.hpp>{{$}}
    // CHECK-FIXES: {{^}}  std::vector<cppcoro::task<int>> count_tasks;{{$}}
    // CHECK-FIXES-NEXT: {{^}}  count_tasks.reserve(ids.size());{{$}}
    // CHECK-FIXES: {{^}}    count_tasks.push_back(fetch_count(id));{{$}}
    // CHECK-FIXES: {{^}}  co_await cppcoro::when_all(std::move(count_tasks));{{$}}
  }
  co_return sum;
}

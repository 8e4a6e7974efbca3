// RUN: %check_async %s async-await-in-loop %t
// A do-while counted by its condition.
#include <awl/promise.hpp>
#include <vector>

awl::Promise<int> fetch_count(int id);

awl::Promise<std::vector<int>> countdown(int k) {
  std::vector<int> out;
  do {
    out.push_back(co_await fetch_count(k));
    // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: co_await in a loop runs the iterations one after another; start them together and await once with 'awl::when_all' [async-await-in-loop]
  } while (--k > 0);
  // CHECK-FIXES: {{^}}#include <awl/when_all.hpp>{{$}}
  // CHECK-FIXES: {{^}}  std::vector<awl::Promise<int>> count_tasks;{{$}}
  // CHECK-FIXES: {{^}}    count_tasks.push_back(fetch_count(k));{{$}}
  // CHECK-FIXES: {{^}}  auto counts = co_await awl::when_all(std::move(count_tasks));{{$}}
  // CHECK-FIXES-NEXT: {{^}}  for (auto& count : counts){{$}}
  // CHECK-FIXES-NEXT: {{^}}    out.push_back(count);{{$}}
  co_return out;
}

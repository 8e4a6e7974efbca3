// RUN: %check_async %s async-await-in-loop %t
// An accumulator ('total +=') is written by the body but read by no operand
// and not by the condition: the iterations are independent. The results are
// added up in order after one combined await.
#include <awl/promise.hpp>
#include <vector>

awl::Promise<int> fetch_count(int id);

awl::Promise<int> total_count(const std::vector<int>& ids) {
  int total = 0;
  for (int id : ids) total += co_await fetch_count(id);
  // CHECK-MESSAGES: :[[@LINE-1]]:31: warning: co_await in a loop runs the iterations one after another; start them together and await once with 'awl::when_all' [async-await-in-loop]
  // CHECK-FIXES: {{^}}#include <awl/when_all.hpp>{{$}}
  // CHECK-FIXES: {{^}}  std::vector<awl::Promise<int>> count_tasks;{{$}}
  // CHECK-FIXES-NEXT: {{^}}  count_tasks.reserve(ids.size());{{$}}
  // CHECK-FIXES-NEXT: {{^}}  for (int id : ids) count_tasks.push_back(fetch_count(id));{{$}}
  // CHECK-FIXES-NEXT: {{^}}  auto counts = co_await awl::when_all(std::move(count_tasks));{{$}}
  // CHECK-FIXES-NEXT: {{^}}  for (auto& count : counts){{$}}
  // CHECK-FIXES-NEXT: {{^}}    total += count;{{$}}
  co_return total;
}

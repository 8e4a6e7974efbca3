// RUN: %check_async %s async-await-in-loop %t
// A range-for pushing every awaited result: the calls are started first,
// awaited together with awl::when_all, and the results pushed in order.
#include <awl/promise.hpp>
#include <vector>

awl::Promise<int> fetch_count(int id);

awl::Promise<std::vector<int>> counts(const std::vector<int>& ids) {
  std::vector<int> out;
  for (const auto& id : ids) out.push_back(co_await fetch_count(id));
  // CHECK-MESSAGES: :[[@LINE-1]]:44: warning: co_await in a loop runs the iterations one after another; start them together and await once with 'awl::when_all' [async-await-in-loop]
  // CHECK-FIXES: {{^}}#include <awl/when_all.hpp>{{$}}
  // CHECK-FIXES: {{^}}  std::vector<awl::Promise<int>> count_tasks;{{$}}
  // CHECK-FIXES-NEXT: {{^}}  count_tasks.reserve(ids.size());{{$}}
  // CHECK-FIXES-NEXT: {{^}}  for (const auto& id : ids) count_tasks.push_back(fetch_count(id));{{$}}
  // CHECK-FIXES-NEXT: {{^}}  auto counts = co_await awl::when_all(std::move(count_tasks));{{$}}
  // CHECK-FIXES-NEXT: {{^}}  for (auto& count : counts){{$}}
  // CHECK-FIXES-NEXT: {{^}}    out.push_back(count);{{$}}
  co_return out;
}

// RUN: %check_async %s async-await-in-loop %t
// The task keeps a reference to its argument: the fix-it is offered only
// when the argument outlives the combined await (an element of a named
// range, through a reference loop variable), not for the loop counter.
#include <awl/promise.hpp>
#include <vector>

awl::Promise<int> fetch_ref(const int& value);

awl::Promise<int> by_counter(int n) {
  int sum = 0;
  for (int i = 0; i < n; ++i) co_await fetch_ref(i);
  // CHECK-NOTES: :[[@LINE-1]]:31: warning: co_await in a loop runs the iterations one after another; start them together and await once with 'awl::when_all' [async-await-in-loop]
  // CHECK-NOTES: :[[@LINE-2]]:31: note: no fix-it: 'fetch_ref' keeps a reference to an argument that may not outlive its iteration
  for (int value : std::vector<int>{1, 2}) co_await fetch_ref(value);
  // CHECK-NOTES: :[[@LINE-1]]:44: warning: co_await in a loop runs the iterations one after another; start them together and await once with 'awl::when_all' [async-await-in-loop]
  // CHECK-NOTES: :[[@LINE-2]]:44: note: no fix-it: 'fetch_ref' keeps a reference to an argument that may not outlive its iteration
  co_return sum;
}

awl::Promise<void> by_element(const std::vector<int>& values) {
  for (const int& value : values) co_await fetch_ref(value);
  // CHECK-NOTES: :[[@LINE-1]]:35: warning: co_await in a loop runs the iterations one after another; start them together and await once with 'awl::when_all' [async-await-in-loop]
  // CHECK-FIXES: {{^}}#include <awl/when_all.hpp>{{$}}
  // CHECK-FIXES: {{^}}  std::vector<awl::Promise<int>> ref_tasks;{{$}}
  // CHECK-FIXES-NEXT: {{^}}  ref_tasks.reserve(values.size());{{$}}
  // CHECK-FIXES-NEXT: {{^}}  for (const int& value : values) ref_tasks.push_back(fetch_ref(value));{{$}}
  // CHECK-FIXES-NEXT: {{^}}  co_await awl::when_all(std::move(ref_tasks));{{$}}
  // CHECK-FIXES: {{^}}  std::vector<awl::Promise<int>> total_tasks;{{$}}
  // CHECK-FIXES-NEXT: {{^}}  total_tasks.reserve(clients.size());{{$}}
  // CHECK-FIXES-NEXT: {{^}}  for (const Client* client : clients) total_tasks.push_back(client->fetch_total());{{$}}
  // CHECK-FIXES-NEXT: {{^}}  co_await awl::when_all(std::move(total_tasks));{{$}}
}

struct Client {
  awl::Promise<int> fetch_total() const;
};

awl::Promise<void> by_pointer(const std::vector<const Client*>& clients) {
  for (const Client* client : clients) co_await client->fetch_total();
  // CHECK-NOTES: :[[@LINE-1]]:40: warning: co_await in a loop runs the iterations one after another; start them together and await once with 'awl::when_all' [async-await-in-loop]
}

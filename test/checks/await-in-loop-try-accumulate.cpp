// RUN: %check_async %s async-await-in-loop %t
// A try block around the await handles each failure on its own (this file
// was a negative test while only when_all, which fails fast, was known for
// loops): awl::when_all_settled starts every call and hands each outcome
// back to its try block, so the failures are still counted one by one.
#include <awl/promise.hpp>
#include <vector>

awl::Promise<int> fetch_count(int id);

awl::Promise<int> robust_total(const std::vector<int>& ids) {
  int total = 0;
  int failures = 0;
  for (int id : ids) {
    try {
      total += co_await fetch_count(id);
      // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: co_await in a loop runs the iterations one after another; start them together and await once with 'awl::when_all_settled' [async-await-in-loop]
    } catch (...) {
      ++failures;
    }
  }
  // CHECK-FIXES: {{^}}  std::vector<awl::Promise<int>> count_tasks;{{$}}
  // CHECK-FIXES: {{^}}  count_tasks.reserve(ids.size());{{$}}
  // CHECK-FIXES: {{^}}    count_tasks.push_back(fetch_count(id));{{$}}
  // CHECK-FIXES: {{^}}  auto counts = co_await awl::when_all_settled(std::move(count_tasks));{{$}}
  // CHECK-FIXES: {{^}}  auto next_count = counts.begin();{{$}}
  // CHECK-FIXES: {{^}}      total += std::move(*next_count++).get();{{$}}
  // CHECK-FIXES: {{^}}      ++failures;{{$}}
  co_return total - failures;
}

// RUN: %check_async --fix-notes %s async-await-in-loop %t
// A logging call in the loop body does not order the iterations: the loop
// is reported, and the fix keeps the log line in the loop that starts the
// calls. Its fix stays on a note saying the log lines may come out in
// another order.
#include "fetch_api.hpp"
#include <cstdio>
#include <vector>

awl::Promise<std::vector<int>> counts_of(const std::vector<int> &ids) {
  std::vector<int> out;
  for (int id : ids) {
    std::printf("fetching %d\n", id);
    out.push_back(co_await fetch_count(id));
  }
  // CHECK-MESSAGES: :[[@LINE-2]]:19: warning: co_await in a loop runs the iterations one after another; start them together and await once with 'awl::when_all' [async-await-in-loop]
  // CHECK-NOTES: :[[@LINE-3]]:19: warning: co_await in a loop
  // CHECK-NOTES: :[[@LINE-4]]:19: note: fix-it on this note only (apply with --fix-notes): 'awl::when_all' starts every iteration's call at once and fails fast, while the loop starts a call only after the previous one succeeded, and the loop writes to a log or console, whose lines may come out in another order
  // CHECK-FIXES: {{^}}  std::vector<awl::Promise<int>> count_tasks;{{$}}
  // CHECK-FIXES-NEXT: {{^}}  count_tasks.reserve(ids.size());{{$}}
  // CHECK-FIXES-NEXT: {{^}}  for (int id : ids) {{[{]}}{{$}}
  // CHECK-FIXES-NEXT: {{^}}    std::printf("fetching %d\n", id);{{$}}
  // CHECK-FIXES-NEXT: {{^}}    count_tasks.push_back(fetch_count(id));{{$}}
  // CHECK-FIXES-NEXT: {{^}}  }{{$}}
  // CHECK-FIXES-NEXT: {{^}}  auto counts = co_await awl::when_all(std::move(count_tasks));{{$}}
  // CHECK-FIXES-NEXT: {{^}}  for (auto& count : counts){{$}}
  // CHECK-FIXES-NEXT: {{^}}    out.push_back(count);{{$}}
  co_return out;
}

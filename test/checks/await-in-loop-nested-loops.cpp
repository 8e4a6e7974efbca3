// RUN: %check_async %s async-await-in-loop %t
// Nested loops: the inner loop is reported and rewritten; the outer loop's
// body is not a single await, so it is left alone.
#include <awl/promise.hpp>
#include <vector>

awl::Promise<int> fetch_count(int id);

awl::Promise<std::vector<int>> grid(int rows, int cols) {
  std::vector<int> out;
  for (int r = 0; r < rows; ++r)
    for (int c = 0; c < cols; ++c)
      out.push_back(co_await fetch_count(r * cols + c));
  // CHECK-MESSAGES: :[[@LINE-1]]:21: warning: co_await in a loop runs the iterations one after another; start them together and await once with 'awl::when_all' [async-await-in-loop]
  // CHECK-FIXES: {{^}}#include <awl/when_all.hpp>{{$}}
  // CHECK-FIXES: {{^}}  for (int r = 0; r < rows; ++r) {{{$}}
  // CHECK-FIXES-NEXT: {{^}}    std::vector<awl::Promise<int>> count_tasks;{{$}}
  // CHECK-FIXES-NEXT: {{^}}    count_tasks.reserve(cols);{{$}}
  // CHECK-FIXES: {{^}}      count_tasks.push_back(fetch_count(r * cols + c));{{$}}
  // CHECK-FIXES-NEXT: {{^}}    auto counts = co_await awl::when_all(std::move(count_tasks));{{$}}
  // CHECK-FIXES-NEXT: {{^}}    for (auto& count : counts){{$}}
  // CHECK-FIXES-NEXT: {{^}}      out.push_back(count);{{$}}
  // CHECK-FIXES-NEXT: {{^}}  }{{$}}
  co_return out;
}

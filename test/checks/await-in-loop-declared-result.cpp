// RUN: %check_async %s async-await-in-loop %t
// The result is declared in the body and used by local statements of the
// same iteration only: independent. The using statements run in a loop over
// the results, each binding the variable they used.
#include <awl/promise.hpp>
#include <vector>

awl::Promise<int> fetch_count(int id);

awl::Promise<int> sum_of_squares(const std::vector<int>& ids) {
  int sum = 0;
  for (std::size_t i = 0; i < ids.size(); ++i) {
    const int value = co_await fetch_count(ids[i]);
    // CHECK-MESSAGES: :[[@LINE-1]]:23: warning: co_await in a loop runs the iterations one after another; start them together and await once with 'awl::when_all' [async-await-in-loop]
    // CHECK-FIXES: {{^}}#include <awl/when_all.hpp>{{$}}
    // CHECK-FIXES: {{^}}  std::vector<awl::Promise<int>> count_tasks;{{$}}
    // CHECK-FIXES-NEXT: {{^}}  count_tasks.reserve(ids.size());{{$}}
    // CHECK-FIXES: {{^}}    count_tasks.push_back(fetch_count(ids[i]));{{$}}
    // CHECK-FIXES: {{^}}  }{{$}}
    // CHECK-FIXES-NEXT: {{^}}  auto counts = co_await awl::when_all(std::move(count_tasks));{{$}}
    // CHECK-FIXES-NEXT: {{^}}  for (const int value : counts) {{{$}}
    const int square = value * value;
    sum += square;
  }
  co_return sum;
}

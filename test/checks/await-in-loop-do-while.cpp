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
  // CHECK-FIXES: {{^}}  {{{$}}
  // CHECK-FIXES-NEXT: {{^}}    std::vector<awl::Promise<int>> promises;{{$}}
  // CHECK-FIXES-NEXT: {{^}}    do {{{$}}
  // CHECK-FIXES-NEXT: {{^}}      promises.push_back(fetch_count(k));{{$}}
  // CHECK-FIXES-NEXT: {{^}}      //{{$}}
  // CHECK-FIXES-NEXT: {{^}}    } while (--k > 0);{{$}}
  // CHECK-FIXES-NEXT: {{^}}    for (auto& value : co_await awl::when_all(std::move(promises))){{$}}
  // CHECK-FIXES-NEXT: {{^}}      out.push_back(std::move(value));{{$}}
  // CHECK-FIXES-NEXT: {{^}}  }{{$}}
  co_return out;
}

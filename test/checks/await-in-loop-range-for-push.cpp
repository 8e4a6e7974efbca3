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
  // CHECK-FIXES: #include <awl/when_all.hpp>
  // CHECK-FIXES: {{^}}  std::vector<int> out;{{$}}
  // CHECK-FIXES-NEXT: {{^}}  {{{$}}
  // CHECK-FIXES-NEXT: {{^}}    std::vector<awl::Promise<int>> promises;{{$}}
  // CHECK-FIXES-NEXT: {{^}}    promises.reserve(std::size(ids));{{$}}
  // CHECK-FIXES-NEXT: {{^}}    for (const auto& id : ids) promises.push_back(fetch_count(id));{{$}}
  // CHECK-FIXES-NEXT: {{^}}    for (auto& value : co_await awl::when_all(std::move(promises))){{$}}
  // CHECK-FIXES-NEXT: {{^}}      out.push_back(std::move(value));{{$}}
  // CHECK-FIXES-NEXT: {{^}}  }{{$}}
  co_return out;
}

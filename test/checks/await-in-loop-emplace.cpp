// RUN: %check_async %s async-await-in-loop %t
// emplace_back keeps its name in the rewritten loop.
#include <awl/promise.hpp>
#include <vector>

awl::Promise<double> fetch_stats(int id);

awl::Promise<std::vector<double>> stats(std::vector<int> ids) {
  std::vector<double> out;
  for (int id : ids)
    out.emplace_back(co_await fetch_stats(id));
  // CHECK-MESSAGES: :[[@LINE-1]]:22: warning: co_await in a loop runs the iterations one after another; start them together and await once with 'awl::when_all' [async-await-in-loop]
  // CHECK-FIXES: {{^}}  {{{$}}
  // CHECK-FIXES-NEXT: {{^}}    std::vector<awl::Promise<double>> promises;{{$}}
  // CHECK-FIXES-NEXT: {{^}}    promises.reserve(std::size(ids));{{$}}
  // CHECK-FIXES-NEXT: {{^}}    for (int id : ids){{$}}
  // CHECK-FIXES-NEXT: {{^}}      promises.push_back(fetch_stats(id));{{$}}
  // CHECK-FIXES-NEXT: {{^}}    for (auto& value : co_await awl::when_all(std::move(promises))){{$}}
  // CHECK-FIXES-NEXT: {{^}}      out.emplace_back(std::move(value));{{$}}
  // CHECK-FIXES-NEXT: {{^}}  }{{$}}
  co_return out;
}

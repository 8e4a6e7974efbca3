// RUN: %check_async %s async-await-in-loop %t
// A counted loop with a braced body pushing each result; the result type
// comes from the awaited task (std::string), the name 'promises' is taken.
#include <awl/promise.hpp>
#include <string>
#include <vector>

awl::Promise<std::string> fetch_name(int id);

awl::Promise<std::vector<std::string>> names(int first, int count) {
  int promises = 0;
  std::vector<std::string> out;
  for (int i = first; i < first + count; ++i) {
    out.push_back(co_await fetch_name(i));
    // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: co_await in a loop runs the iterations one after another; start them together and await once with 'awl::when_all' [async-await-in-loop]
  }
  // CHECK-FIXES: {{^}}#include <awl/when_all.hpp>{{$}}
  // CHECK-FIXES: {{^}}  std::vector<awl::Promise<std::string>> name_tasks;{{$}}
  // CHECK-FIXES: {{^}}    name_tasks.push_back(fetch_name(i));{{$}}
  // CHECK-FIXES: {{^}}  auto names = co_await awl::when_all(std::move(name_tasks));{{$}}
  // CHECK-FIXES-NEXT: {{^}}  for (auto& name : names){{$}}
  // CHECK-FIXES-NEXT: {{^}}    out.push_back(std::move(name));{{$}}
  co_return out;
}

// RUN: %check_async %s async-await-in-loop %t
// RUN-AND-COMPARE
// ELAPSED-BEFORE: 500ms
// ELAPSED-AFTER: 100ms
// Five independent 100 ms fetches awaited in a loop take the sum (500 ms);
// started together and awaited with when_all, the max (100 ms). The results
// keep their order.
#include <awl/awl.hpp>
#include <cstdio>
#include <string>
#include <vector>

awl::Promise<std::string> fetch_name(int id) {
  co_await awl::sleep(100);
  co_return "user-" + std::to_string(id);
}

awl::Promise<std::vector<std::string>> fetch_all(std::vector<int> ids) {
  std::vector<std::string> names;
  for (const int& id : ids) names.push_back(co_await fetch_name(id));
  // CHECK-MESSAGES: :[[@LINE-1]]:45: warning: co_await in a loop runs the iterations one after another; start them together and await once with 'awl::when_all' [async-await-in-loop]
  // CHECK-FIXES: {{^}}  std::vector<awl::Promise<std::string>> name_tasks;{{$}}
  // CHECK-FIXES-NEXT: {{^}}  name_tasks.reserve(ids.size());{{$}}
  // CHECK-FIXES-NEXT: {{^}}  for (const int& id : ids) name_tasks.push_back(fetch_name(id));{{$}}
  // CHECK-FIXES-NEXT: {{^}}  auto name_results = co_await awl::when_all(std::move(name_tasks));{{$}}
  // CHECK-FIXES-NEXT: {{^}}  for (auto& name : name_results){{$}}
  // CHECK-FIXES-NEXT: {{^}}    names.push_back(std::move(name));{{$}}
  co_return names;
}

int main() {
  awl::EventLoop loop{awl::virtual_time};
  const double start = loop.now();
  (void)fetch_all({5, 4, 3, 2, 1}).then([&](const std::vector<std::string>& names) {
    for (const auto& name : names) std::printf("%s\n", name.c_str());
    std::printf("elapsed %.0fms\n", loop.now() - start);
  });
  loop.run();
}

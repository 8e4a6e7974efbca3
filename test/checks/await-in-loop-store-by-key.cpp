// RUN: %check_async %s async-await-in-loop %t
// RUN-AND-COMPARE
// ELAPSED-BEFORE: 300ms
// ELAPSED-AFTER: 100ms
// A result stored into a local map by key: the tasks are started in one
// loop, awaited together, and stored by running the loop's header again
// (the key is the iteration's own); an element of a local container is the
// coroutine's own, so the fix is on the warning.
#include <awl/awl.hpp>
#include <cstdio>
#include <map>
#include <string>
#include <vector>

awl::Promise<std::string> fetch_name(int id) {
  co_await awl::sleep(100);
  co_return "user-" + std::to_string(id);
}

awl::Promise<std::map<int, std::string>> names_by_id(std::vector<int> ids) {
  std::map<int, std::string> names;
  for (int id : ids)
    names[id] = co_await fetch_name(id);
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: co_await in a loop runs the iterations one after another; start them together and await once with 'awl::when_all' [async-await-in-loop]
  // CHECK-FIXES: {{^}}  std::vector<awl::Promise<std::string>> name_tasks;{{$}}
  // CHECK-FIXES-NEXT: {{^}}  name_tasks.reserve(ids.size());{{$}}
  // CHECK-FIXES: {{^}}    name_tasks.push_back(fetch_name(id));{{$}}
  // CHECK-FIXES-NEXT: {{^}}  auto name_results = co_await awl::when_all(std::move(name_tasks));{{$}}
  // CHECK-FIXES-NEXT: {{^}}  auto next_name = name_results.begin();{{$}}
  // CHECK-FIXES-NEXT: {{^}}  for (int id : ids){{$}}
  // CHECK-FIXES-NEXT: {{^}}    names[id] = std::move(*next_name++);{{$}}
  co_return names;
}

int main() {
  awl::EventLoop loop{awl::virtual_time};
  const double start = loop.now();
  (void)names_by_id({3, 1, 2}).then([&](const std::map<int, std::string> &names) {
    for (const auto &[id, name] : names) std::printf("%d %s\n", id, name.c_str());
    std::printf("elapsed %.0fms\n", loop.now() - start);
  });
  loop.run();
}

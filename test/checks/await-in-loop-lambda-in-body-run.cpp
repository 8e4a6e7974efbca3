// RUN: %check_async %s async-await-in-loop %t
// RUN-AND-COMPARE
// ELAPSED-BEFORE: 300ms
// ELAPSED-AFTER: 100ms
// A lambda in the loop body whose own return would have made the body look
// as if it left the loop: the loop is reported and rewritten, 300 ms ->
// 100 ms, the names in the same order.
#include <awl/awl.hpp>
#include <cstdio>
#include <string>
#include <vector>

struct Entry {
  int user;
  int points;
};

awl::Promise<std::string> fetch_name(int user) {
  co_await awl::sleep(100);
  co_return "user" + std::to_string(user);
}

awl::Promise<std::vector<std::string>> names_of(std::vector<Entry> entries) {
  std::vector<std::string> names;
  for (const Entry &entry : entries) {
    auto key = [&entry] { return entry.points > 10 ? entry.user : -entry.user; }();
    names.push_back(co_await fetch_name(key));
    // CHECK-MESSAGES: :[[@LINE-1]]:21: warning: co_await in a loop runs the iterations one after another; start them together and await once with 'awl::when_all' [async-await-in-loop]
  }
  // CHECK-FIXES: {{^}}  std::vector<awl::Promise<std::string>> name_tasks;{{$}}
  // CHECK-FIXES: {{^}}    name_tasks.push_back(fetch_name(key));{{$}}
  // CHECK-FIXES: {{^}}  auto name_results = co_await awl::when_all(std::move(name_tasks));{{$}}
  co_return names;
}

int main() {
  awl::EventLoop loop{awl::virtual_time};
  const double start = loop.now();
  (void)names_of({{1, 5}, {2, 20}, {3, 30}}).then([&](const std::vector<std::string> &names) {
    for (const auto &name : names)
      std::printf("%s\n", name.c_str());
    std::printf("elapsed %.0fms\n", loop.now() - start);
  });
  loop.run();
}

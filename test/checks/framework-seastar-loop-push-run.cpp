// RUN: %check_async %s async-await-in-loop %t
// RUN-AND-COMPARE
// ELAPSED-BEFORE: 300ms
// ELAPSED-AFTER: 100ms
// Seastar: a range-for pushing awaited results becomes one
// when_all_succeed over a std::vector of futures, which gives a
// std::vector of the values in the original order.
#include <seastar/core/app-template.hh>
#include <seastar/core/coroutine.hh>
#include <seastar/core/future.hh>
#include <seastar/core/sleep.hh>
#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

using namespace std::chrono_literals;

seastar::future<std::string> fetch_name(int id) {
  co_await seastar::sleep(100ms);
  co_return "user" + std::to_string(id);
}

seastar::future<> run(std::vector<int> ids) {
  const double t0 = mock_loop::now_ms();
  std::vector<std::string> names;
  for (int id : ids)
    names.push_back(co_await fetch_name(id));
  // CHECK-MESSAGES: :[[@LINE-1]]:21: warning: co_await in a loop runs the iterations one after another; start them together and await once with 'seastar::when_all_succeed' [async-await-in-loop]
  // CHECK-FIXES: {{^}}#include <seastar/core/when_all.hh>{{$}}
  // CHECK-FIXES: {{^}}  std::vector<seastar::future<std::string>> name_tasks;{{$}}
  // CHECK-FIXES-NEXT: {{^}}  name_tasks.reserve(ids.size());{{$}}
  // CHECK-FIXES-NEXT: {{^}}  for (int id : ids){{$}}
  // CHECK-FIXES-NEXT: {{^}}    name_tasks.push_back(fetch_name(id));{{$}}
  // CHECK-FIXES-NEXT: {{^}}  auto name_results = co_await seastar::when_all_succeed(std::move(name_tasks));{{$}}
  // CHECK-FIXES-NEXT: {{^}}  for (auto& name2 : name_results){{$}}
  // CHECK-FIXES-NEXT: {{^}}    names.push_back(std::move(name2));{{$}}
  for (const auto &name : names)
    std::printf("%s\n", name.c_str());
  std::printf("elapsed %.0fms\n", mock_loop::now_ms() - t0);
}

int main(int argc, char **argv) {
  seastar::app_template app;
  return app.run(argc, argv, [] { return run({3, 1, 2}); });
}

// RUN: %check_async %s async-await-in-loop %t
// RUN-AND-COMPARE
// ELAPSED-BEFORE: 300ms
// ELAPSED-AFTER: 100ms
// Boost.Cobalt: a range-for pushing awaited results becomes one join over a
// std::vector of tasks (started together by join), which gives the values
// in the original order.
#include <boost/cobalt.hpp>
#include <boost/cobalt/io/sleep.hpp>
#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

namespace cobalt = boost::cobalt;
using namespace std::chrono_literals;

cobalt::task<std::string> fetch_name(int id) {
  co_await cobalt::io::sleep(100ms);
  co_return "user" + std::to_string(id);
}

cobalt::task<std::vector<std::string>> fetch_all(std::vector<int> ids) {
  std::vector<std::string> names;
  for (int id : ids)
    names.push_back(co_await fetch_name(id));
  // CHECK-MESSAGES: :[[@LINE-1]]:21: warning: co_await in a loop runs the iterations one after another; start them together and await once with 'boost::cobalt::join' [async-await-in-loop]
  // CHECK-FIXES: {{^}}  std::vector<boost::cobalt::task<std::string>> name_tasks;{{$}}
  // CHECK-FIXES-NEXT: {{^}}  name_tasks.reserve(ids.size());{{$}}
  // CHECK-FIXES-NEXT: {{^}}  for (int id : ids){{$}}
  // CHECK-FIXES-NEXT: {{^}}    name_tasks.push_back(fetch_name(id));{{$}}
  // CHECK-FIXES-NEXT: {{^}}  auto name_results = co_await boost::cobalt::join(std::move(name_tasks));{{$}}
  // CHECK-FIXES-NEXT: {{^}}  for (auto& name : name_results){{$}}
  // CHECK-FIXES-NEXT: {{^}}    names.push_back(std::move(name));{{$}}
  co_return names;
}

cobalt::main co_main(int, char *[]) {
  const double t0 = mock_loop::now_ms();
  std::vector<std::string> names = co_await fetch_all({3, 1, 2});
  for (const auto &name : names)
    std::printf("%s\n", name.c_str());
  std::printf("elapsed %.0fms\n", mock_loop::now_ms() - t0);
  co_return 0;
}

// RUN: %check_async %s async-await-in-loop %t
// RUN-AND-COMPARE
// ELAPSED-BEFORE: 300ms
// ELAPSED-AFTER: 100ms
// drogon: a range-for pushing awaited results becomes one when_all over a
// std::vector<Task<T>>, which gives a std::vector<T> of the values in the
// original order.
#include <drogon/HttpAppFramework.h>
#include <drogon/utils/coroutine.h>
#include <cstdio>
#include <string>
#include <vector>

using namespace drogon;

Task<std::string> fetch_name(trantor::EventLoop *loop, int id) {
  co_await sleepCoro(loop, 0.1);
  co_return "user" + std::to_string(id);
}

Task<std::vector<std::string>> fetch_all(trantor::EventLoop *loop,
                                         std::vector<int> ids) {
  std::vector<std::string> names;
  for (int id : ids)
    names.push_back(co_await fetch_name(loop, id));
  // CHECK-MESSAGES: :[[@LINE-1]]:21: warning: co_await in a loop runs the iterations one after another; start them together and await once with 'drogon::when_all' [async-await-in-loop]
  // CHECK-FIXES: {{^}}  std::vector<drogon::Task<std::string>> name_tasks;{{$}}
  // CHECK-FIXES-NEXT: {{^}}  name_tasks.reserve(ids.size());{{$}}
  // CHECK-FIXES-NEXT: {{^}}  for (int id : ids){{$}}
  // CHECK-FIXES-NEXT: {{^}}    name_tasks.push_back(fetch_name(loop, id));{{$}}
  // CHECK-FIXES-NEXT: {{^}}  auto name_results = co_await drogon::when_all(std::move(name_tasks));{{$}}
  // CHECK-FIXES-NEXT: {{^}}  for (auto& name : name_results){{$}}
  // CHECK-FIXES-NEXT: {{^}}    names.push_back(std::move(name));{{$}}
  co_return names;
}

int main() {
  const double t0 = mock_loop::now_ms();
  auto names = sync_wait(fetch_all(app().getLoop(), {3, 1, 2}));
  for (const auto &name : names)
    std::printf("%s\n", name.c_str());
  std::printf("elapsed %.0fms\n", mock_loop::now_ms() - t0);
}

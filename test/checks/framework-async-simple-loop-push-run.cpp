// RUN: %check_async %s async-await-in-loop %t
// RUN-AND-COMPARE
// ELAPSED-BEFORE: 300ms
// ELAPSED-AFTER: 100ms
// async_simple: a range-for pushing awaited results becomes one collectAll
// over a std::vector<Lazy<T>>, which gives a std::vector<Try<T>>; each
// value() is pushed in the original order.
#include <async_simple/coro/Lazy.h>
#include <async_simple/coro/Sleep.h>
#include <async_simple/coro/SyncAwait.h>
#include <async_simple/executors/SimpleExecutor.h>
#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

using namespace async_simple;
using namespace std::chrono_literals;

coro::Lazy<std::string> fetch_name(int id) {
  co_await coro::sleep(100ms);
  co_return "user" + std::to_string(id);
}

coro::Lazy<std::vector<std::string>> fetch_all(std::vector<int> ids) {
  std::vector<std::string> names;
  for (const int &id : ids)
    names.push_back(co_await fetch_name(id));
  // CHECK-MESSAGES: :[[@LINE-1]]:21: warning: co_await in a loop runs the iterations one after another; start them together and await once with 'async_simple::coro::collectAll' [async-await-in-loop]
  // CHECK-FIXES: {{^}}#include <async_simple/coro/Collect.h>{{$}}
  // CHECK-FIXES: {{^}}  std::vector<async_simple::coro::Lazy<std::string>> name_tasks;{{$}}
  // CHECK-FIXES-NEXT: {{^}}  name_tasks.reserve(ids.size());{{$}}
  // CHECK-FIXES-NEXT: {{^}}  for (const int &id : ids){{$}}
  // CHECK-FIXES-NEXT: {{^}}    name_tasks.push_back(fetch_name(id));{{$}}
  // CHECK-FIXES-NEXT: {{^}}  auto name_results = co_await async_simple::coro::collectAll(std::move(name_tasks));{{$}}
  // CHECK-FIXES-NEXT: {{^}}  for (auto& name : name_results){{$}}
  // CHECK-FIXES-NEXT: {{^}}    names.push_back(std::move(name).value());{{$}}
  co_return names;
}

int main() {
  executors::SimpleExecutor ex(2);
  const double t0 = mock_loop::now_ms();
  auto names = coro::syncAwait(fetch_all({3, 1, 2}).via(&ex));
  for (const auto &name : names)
    std::printf("%s\n", name.c_str());
  std::printf("elapsed %.0fms\n", mock_loop::now_ms() - t0);
}

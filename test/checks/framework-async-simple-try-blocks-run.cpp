// RUN: %check_async %s async-sequential-await %t
// RUN-AND-COMPARE
// ELAPSED-BEFORE: 200ms
// ELAPSED-AFTER: 100ms
// async_simple: awaits in separate try blocks start together with
// collectAll, which never throws; each handler still catches its own
// await's exception, rethrown by Try::value() (the first call fails here).
#include <async_simple/coro/Lazy.h>
#include <async_simple/coro/Sleep.h>
#include <async_simple/coro/SyncAwait.h>
#include <async_simple/executors/SimpleExecutor.h>
#include <chrono>
#include <cstdio>
#include <stdexcept>
#include <string>

using namespace async_simple;
using namespace std::chrono_literals;

coro::Lazy<int> fetch_count(int id) {
  co_await coro::sleep(100ms);
  if (id < 0)
    throw std::runtime_error("no count");
  co_return id * 10;
}
coro::Lazy<std::string> fetch_name(int id) {
  co_await coro::sleep(100ms);
  co_return "user" + std::to_string(id);
}

coro::Lazy<void> run(int id) {
  const double t0 = mock_loop::now_ms();
  int count = 0;
  std::string name;
  try {
    count = co_await fetch_count(-id);
    // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: 2 independent co_await expressions in separate try blocks run one after another; start them together with 'async_simple::coro::collectAll' [async-sequential-await]
  } catch (const std::exception &) {
    count = -1;
  }
  try {
    name = co_await fetch_name(id);
  } catch (...) {
    name = "?";
  }
  // CHECK-FIXES: {{^}}#include <async_simple/coro/Collect.h>{{$}}
  // CHECK-FIXES: {{^}}  auto [count_settled, name_settled] = co_await async_simple::coro::collectAll(fetch_count(-id), fetch_name(id));{{$}}
  // CHECK-FIXES-NEXT: {{^}}  try {{{$}}
  // CHECK-FIXES-NEXT: {{^}}    count = std::move(count_settled).value();{{$}}
  // CHECK-FIXES: {{^}}    name = std::move(name_settled).value();{{$}}
  std::printf("%d %s\n", count, name.c_str());
  std::printf("elapsed %.0fms\n", mock_loop::now_ms() - t0);
}

int main() {
  executors::SimpleExecutor ex(2);
  coro::syncAwait(run(7).via(&ex));
}

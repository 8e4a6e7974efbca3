// RUN: %check_async %s async-sequential-await %t
// RUN-AND-COMPARE
// ELAPSED-BEFORE: 500ms
// ELAPSED-AFTER: 200ms
// async_simple: collectAll gives a tuple of Try<T>; value() gives the value
// (converted to the declared type) or rethrows, Try<void> included. The
// same void operation awaited twice is a group of its own.
#include <async_simple/coro/Lazy.h>
#include <async_simple/coro/Sleep.h>
#include <async_simple/coro/SyncAwait.h>
#include <async_simple/executors/SimpleExecutor.h>
#include <chrono>
#include <cstdio>
#include <string>

using namespace async_simple;
using namespace std::chrono_literals;

coro::Lazy<int> fetch_count(int id) {
  co_await coro::sleep(100ms);
  co_return id * 10;
}
coro::Lazy<std::string> fetch_name(int id) {
  co_await coro::sleep(100ms);
  co_return "user" + std::to_string(id);
}
coro::Lazy<void> warm_cache(int id) { co_await coro::sleep(100ms); }

coro::Lazy<void> run() {
  const double t0 = mock_loop::now_ms();
  int count = co_await fetch_count(1);
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: 3 independent co_await expressions run one after another; start them together with 'async_simple::coro::collectAll' [async-sequential-await]
  std::string name = co_await fetch_name(2);
  long more = co_await fetch_count(3);
  co_await warm_cache(1);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 2 independent co_await expressions run one after another; start them together with 'async_simple::coro::collectAll' [async-sequential-await]
  co_await warm_cache(1);
  // CHECK-FIXES: #include <async_simple/coro/Collect.h>
  // CHECK-FIXES: {{^}}  auto [count_try, name_try, more_try] = co_await async_simple::coro::collectAll(fetch_count(1), fetch_name(2), fetch_count(3));{{$}}
  // CHECK-FIXES-NEXT: {{^}}  int count = std::move(count_try).value();{{$}}
  // CHECK-FIXES-NEXT: {{^}}  std::string name = std::move(name_try).value();{{$}}
  // CHECK-FIXES-NEXT: {{^}}  long more = std::move(more_try).value();{{$}}
  // CHECK-FIXES: {{^}}  auto [warm_cache_try, warm_cache_try2] = co_await async_simple::coro::collectAll(warm_cache(1), warm_cache(1));{{$}}
  // CHECK-FIXES-NEXT: {{^}}  std::move(warm_cache_try).value();{{$}}
  // CHECK-FIXES-NEXT: {{^}}  std::move(warm_cache_try2).value();{{$}}
  std::printf("%d %s %ld\n", count, name.c_str(), more);
  std::printf("elapsed %.0fms\n", mock_loop::now_ms() - t0);
}

int main() {
  executors::SimpleExecutor ex(2);
  coro::syncAwait(run().via(&ex));
}

// RUN: %check_async %s async-sequential-await %t
// RUN-AND-COMPARE
// ELAPSED-BEFORE: 500ms
// ELAPSED-AFTER: 200ms
// libcoro: coro::when_all never throws; each slot is a when_all_task whose
// return_value() gives the value (converted to the declared type) or
// rethrows. The same void operation awaited twice is a group of its own.
#include <coro/coro.hpp>
#include <chrono>
#include <cstdio>
#include <memory>
#include <string>

using namespace std::chrono_literals;
using scheduler_ptr = std::shared_ptr<coro::scheduler>;

coro::task<int> fetch_count(scheduler_ptr s, int id) {
  co_await s->yield_for(100ms);
  co_return id * 10;
}
coro::task<std::string> fetch_name(scheduler_ptr s, int id) {
  co_await s->yield_for(100ms);
  co_return "user" + std::to_string(id);
}
coro::task<void> warm_cache(scheduler_ptr s, int id) {
  co_await s->yield_for(100ms);
}

coro::task<void> run(scheduler_ptr s) {
  const double t0 = mock_loop::now_ms();
  int count = co_await fetch_count(s, 1);
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: 3 independent co_await expressions run one after another; start them together with 'coro::when_all' [async-sequential-await]
  std::string name = co_await fetch_name(s, 2);
  long more = co_await fetch_count(s, 3);
  co_await warm_cache(s, 1);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 2 independent co_await expressions run one after another; start them together with 'coro::when_all' [async-sequential-await]
  co_await warm_cache(s, 1);
  // CHECK-FIXES: {{^}}  auto [count_result, name_result, more_result] = co_await coro::when_all(fetch_count(s, 1), fetch_name(s, 2), fetch_count(s, 3));{{$}}
  // CHECK-FIXES-NEXT: {{^}}  int count = std::move(count_result).return_value();{{$}}
  // CHECK-FIXES-NEXT: {{^}}  std::string name = std::move(name_result).return_value();{{$}}
  // CHECK-FIXES-NEXT: {{^}}  long more = std::move(more_result).return_value();{{$}}
  // CHECK-FIXES: {{^}}  auto [warm_cache_result, warm_cache_result2] = co_await coro::when_all(warm_cache(s, 1), warm_cache(s, 1));{{$}}
  // CHECK-FIXES-NEXT: {{^}}  std::move(warm_cache_result).return_value();{{$}}
  // CHECK-FIXES-NEXT: {{^}}  std::move(warm_cache_result2).return_value();{{$}}
  std::printf("%d %s %ld\n", count, name.c_str(), more);
  std::printf("elapsed %.0fms\n", mock_loop::now_ms() - t0);
}

int main() {
  scheduler_ptr s = coro::scheduler::make_unique();
  coro::sync_wait(run(s));
}

// RUN: %check_async %s async-sequential-await %t
// RUN-AND-COMPARE
// ELAPSED-BEFORE: 500ms
// ELAPSED-AFTER: 200ms
// drogon: when_all (drogon >= 1.9.12) gives a tuple of the values
// (structured bindings; a declared type that differs gets its own
// conversion); joining only Task<> operands needs no unpacking.
#include <drogon/HttpAppFramework.h>
#include <drogon/utils/coroutine.h>
#include <cstdio>
#include <string>

using namespace drogon;

Task<int> fetch_count(trantor::EventLoop *loop, int id) {
  co_await sleepCoro(loop, 0.1);
  co_return id * 10;
}
Task<std::string> fetch_name(trantor::EventLoop *loop, int id) {
  co_await sleepCoro(loop, 0.1);
  co_return "user" + std::to_string(id);
}
Task<> warm_cache(trantor::EventLoop *loop, int id) { co_await sleepCoro(loop, 0.1); }

Task<> run(trantor::EventLoop *loop) {
  const double t0 = mock_loop::now_ms();
  int count = co_await fetch_count(loop, 1);
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: 3 independent co_await expressions run one after another; start them together with 'drogon::when_all' [async-sequential-await]
  std::string name = co_await fetch_name(loop, 2);
  long more = co_await fetch_count(loop, 3);
  co_await warm_cache(loop, 1);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 2 independent co_await expressions run one after another; start them together with 'drogon::when_all' [async-sequential-await]
  co_await warm_cache(loop, 1);
  // CHECK-FIXES: {{^}}  auto [count, name, more_value] = co_await drogon::when_all(fetch_count(loop, 1), fetch_name(loop, 2), fetch_count(loop, 3));{{$}}
  // CHECK-FIXES-NEXT: {{^}}  long more = more_value;{{$}}
  // CHECK-FIXES: {{^}}  co_await drogon::when_all(warm_cache(loop, 1), warm_cache(loop, 1));{{$}}
  std::printf("%d %s %ld\n", count, name.c_str(), more);
  std::printf("elapsed %.0fms\n", mock_loop::now_ms() - t0);
}

int main() { sync_wait(run(app().getLoop())); }

// RUN: %check_async --config="{CheckOptions: {async-sequential-await.OrderingSteps: false}}" %s async-sequential-await %t
// RUN-AND-COMPARE
// ELAPSED-BEFORE: 300ms
// ELAPSED-AFTER: 100ms
// drogon: when_all gives a Task<> operand a placeholder slot
// (std::false_type), which the fix binds and leaves unused. (OrderingSteps
// off: the void await would otherwise keep its order.)
#include <drogon/HttpAppFramework.h>
#include <drogon/utils/coroutine.h>
#include <cstdio>

using namespace drogon;

Task<int> fetch_count(trantor::EventLoop *loop, int id) {
  co_await sleepCoro(loop, 0.1);
  co_return id * 10;
}
Task<> warm_cache(trantor::EventLoop *loop, int id) { co_await sleepCoro(loop, 0.1); }

Task<> run(trantor::EventLoop *loop) {
  const double t0 = mock_loop::now_ms();
  int count = co_await fetch_count(loop, 1);
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: 3 independent co_await expressions run one after another; start them together with 'drogon::when_all' [async-sequential-await]
  co_await warm_cache(loop, 2);
  int more = co_await fetch_count(loop, 3);
  // CHECK-FIXES: {{^}}  auto [count, warm_cache_done, more] = co_await drogon::when_all(fetch_count(loop, 1), warm_cache(loop, 2), fetch_count(loop, 3));{{$}}
  std::printf("%d %d\n", count, more);
  std::printf("elapsed %.0fms\n", mock_loop::now_ms() - t0);
}

int main() { sync_wait(run(app().getLoop())); }

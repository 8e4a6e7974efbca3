// RUN: %check_async --config="{CheckOptions: {async-sequential-await.OrderingSteps: false}}" %s async-sequential-await %t
// folly::coro::Task is combined with folly::coro::collectAll (a void task
// gives a folly::Unit slot). A returned int binds directly: copying it is
// what returning it did. (OrderingSteps off: the void await, done for its
// effect, would otherwise keep its order.)
#include <folly/coro/Task.h>

folly::coro::Task<int> fetch_count(int id);
folly::coro::Task<void> load_cache(int id);

folly::coro::Task<int> load(int id) {
  co_await load_cache(id);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 2 independent co_await expressions run one after another; start them together with 'folly::coro::collectAll' [async-sequential-await]
  int count = co_await fetch_count(id);
  // CHECK-FIXES: #include <folly/coro/Collect.h>
  // CHECK-FIXES: {{^}}  auto [cache_done, count] = co_await folly::coro::collectAll(load_cache(id), fetch_count(id));{{$}}
  co_return count;
}

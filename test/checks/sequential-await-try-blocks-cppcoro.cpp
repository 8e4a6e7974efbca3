// RUN: %check_async --config="{CheckOptions: {async-sequential-await.OrderingSteps: false}}" %s async-sequential-await %t
// Lazy cppcoro tasks in separate try blocks: cppcoro::when_all_ready starts
// them together and never throws; result() rethrows each task's exception
// inside its own try block. (OrderingSteps off: the void await, done for
// its effect, would otherwise keep its order.)
#include <cppcoro/task.hpp>

cppcoro::task<int> fetch_count(int id);
cppcoro::task<void> load_cache(int id);

cppcoro::task<int> load(int id) {
  int count = 0;
  try {
    count = co_await fetch_count(id);
    // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: 2 independent co_await expressions in separate try blocks run one after another; start them together with 'cppcoro::when_all_ready' [async-sequential-await]
  } catch (...) {
    count = -1;
  }
  try {
    co_await load_cache(id);
  } catch (...) {
    count += 1000;
  }
  // CHECK-FIXES: #include <cppcoro/when_all_ready.hpp>
  // CHECK-FIXES: {{^}}  auto [count_settled, load_cache_settled] = co_await cppcoro::when_all_ready(fetch_count(id), load_cache(id));{{$}}
  // CHECK-FIXES: {{^}}    count = std::move(count_settled).result();{{$}}
  // CHECK-FIXES: {{^}}    std::move(load_cache_settled).result();{{$}}
  co_return count;
}

// RUN: %check_async %s async-await-in-loop %t
// An operand in parentheses is the call inside them, in a loop too:
// `co_await (f(x))` awaits f(x) exactly as `co_await f(x)` does. The fix
// starts the call without the parentheses.
#include <awl/awl.hpp>

#include <vector>

awl::Promise<void> load_cache(int shard);
awl::Promise<int> fetch_price(int item);

awl::Promise<void> warm_up(int shards) {
  for (int i = 0; i < shards; ++i) {
    co_await (load_cache(i));
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: co_await in a loop runs the iterations one after another; start them together and await once with 'awl::when_all' [async-await-in-loop]
  }
  // CHECK-FIXES: {{^}}  std::vector<awl::Promise<void>> cache_tasks;{{$}}
  // CHECK-FIXES-NEXT: {{^}}  cache_tasks.reserve(shards);{{$}}
  // CHECK-FIXES: {{^}}    cache_tasks.push_back(load_cache(i));{{$}}
  // CHECK-FIXES: {{^}}  co_await awl::when_all(std::move(cache_tasks));{{$}}
}

awl::Promise<std::vector<int>> price_list(std::vector<int> items) {
  std::vector<int> out;
  for (int item : items)
    out.push_back(co_await ((fetch_price(item))));
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: co_await in a loop runs the iterations one after another; start them together and await once with 'awl::when_all' [async-await-in-loop]
  // CHECK-FIXES: {{^}}    price_tasks.push_back(fetch_price(item));{{$}}
  co_return out;
}

// Parentheses hide no dependence: each call needs the previous result.
awl::Promise<int> walk(int start, int steps) {
  int at = start;
  for (int i = 0; i < steps; ++i)
    at = co_await (fetch_price(at));
  co_return at;
}

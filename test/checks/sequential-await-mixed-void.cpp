// RUN: %check_async --config="{CheckOptions: {async-sequential-await.OrderingSteps: false}}" %s async-sequential-await %t
// A void await grouped with declarations gets a placeholder binding
// (when_all gives std::monostate for it).
#include "fetch_api.hpp"

awl::Promise<int> start(int id) {
  co_await load_cache(id);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 3 independent co_await expressions run one after another; start them together with 'awl::when_all' [async-sequential-await]
  auto orders = co_await fetch_orders(id);
  auto count = co_await fetch_count(id);
  // CHECK-FIXES: {{^}}  auto [cache_done, orders, count] = co_await awl::when_all(load_cache(id), fetch_orders(id), fetch_count(id));{{$}}
  co_return orders + count;
}

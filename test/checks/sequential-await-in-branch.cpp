// RUN: %check_async %s async-sequential-await %t
// Awaits in one branch block (or one loop body) are grouped within it.
#include "fetch_api.hpp"

awl::Promise<int> load(bool fresh, int id) {
  int total = 0;
  if (fresh) {
    int a = co_await fetch_count(id);
    // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: 2 independent co_await expressions run one after another; start them together with 'awl::when_all' [async-sequential-await]
    int b = co_await fetch_orders(id);
    // CHECK-FIXES: {{^}}    auto [a, b] = co_await awl::when_all(fetch_count(id), fetch_orders(id));{{$}}
    // CHECK-FIXES: {{^}}    total = a + b;{{$}}
    total = a + b;
  }
  co_return total;
}

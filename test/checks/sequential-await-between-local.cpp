// RUN: %check_async %s async-sequential-await %t
// A local computation between the awaits that neither uses the results nor
// feeds the calls stays grouped; the combined await follows it.
#include "fetch_api.hpp"

awl::Promise<int> load(int id) {
  auto a = co_await fetch_count(id);
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: 2 independent co_await expressions run one after another; start them together with 'awl::when_all' [async-sequential-await]
  int limit = 10;
  auto b = co_await fetch_orders(id);
  // CHECK-FIXES: {{^}}  int limit = 10;{{$}}
  // CHECK-FIXES-NEXT: {{^}}  auto [a, b] = co_await awl::when_all(fetch_count(id), fetch_orders(id));{{$}}
  co_return a + b + limit;
}

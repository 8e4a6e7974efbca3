// RUN: %check_async %s async-sequential-await %t
// The warning has a note at each await of the group.
#include "fetch_api.hpp"

awl::Promise<int> load(int id) {
  auto a = co_await fetch_orders(id);
  // CHECK-NOTES: :[[@LINE-1]]:12: warning: 2 independent co_await expressions run one after another; start them together with 'awl::when_all' [async-sequential-await]
  // CHECK-NOTES: :[[@LINE-2]]:12: note: independent co_await 1 of 2
  auto b = co_await fetch_count(id);
  // CHECK-NOTES: :[[@LINE-1]]:12: note: independent co_await 2 of 2
  // CHECK-FIXES: {{^}}  auto [a, b] = co_await awl::when_all(fetch_orders(id), fetch_count(id));{{$}}
  co_return a + b;
}

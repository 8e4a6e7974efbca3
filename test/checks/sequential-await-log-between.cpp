// RUN: %check_async %s async-sequential-await %t
// A statement between the awaits that only logs moves after the combined
// await (where every result it may print is there); a write to a global
// between them ends the group.
#include "fetch_api.hpp"

awl::Promise<int> load(int id) {
  auto a = co_await fetch_count(id);
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: 2 independent co_await expressions run one after another; start them together with 'awl::when_all' [async-sequential-await]
  log_event("count fetched");
  auto b = co_await fetch_orders(id);
  // CHECK-FIXES: {{^}}  auto [a, b] = co_await awl::when_all(fetch_count(id), fetch_orders(id));{{$}}
  // CHECK-FIXES-NEXT: {{^}}  log_event("count fetched");{{$}}
  // CHECK-FIXES: {{^}}  ++global_counter;{{$}}
  ++global_counter;
  auto c = co_await fetch_orders(id + 1);
  co_return a + b + c;
}

// RUN: %check_async %s async-sequential-await %t
// Code between the awaits that uses the earlier result is moved after the
// combined await when it is a local computation; code whose effects are not
// known, or that feeds the later call, keeps the awaits apart.
#include "fetch_api.hpp"

void record(int value);

awl::Promise<int> derived(int id) {
  auto count = co_await fetch_count(id);
  // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: 2 independent co_await expressions run one after another; start them together with 'awl::when_all' [async-sequential-await]
  int doubled = count * 2;
  auto orders = co_await fetch_orders(id);
  // CHECK-FIXES: {{^}}  auto [count, orders] = co_await awl::when_all(fetch_count(id), fetch_orders(id));{{$}}
  // CHECK-FIXES-NEXT: {{^}}  int doubled = count * 2;{{$}}
  co_return orders + doubled;
}

awl::Promise<int> feeds_the_next_call(int id) {
  auto count = co_await fetch_count(id);
  int limit = count * 2;
  auto orders = co_await fetch_orders(limit);
  co_return orders;
}

awl::Promise<int> unknown_effect_between(int id) {
  auto count = co_await fetch_count(id);
  record(count);
  auto orders = co_await fetch_orders(id);
  co_return orders;
}

awl::Promise<int> global_written_between(int id) {
  auto count = co_await fetch_count(id);
  global_counter = count;
  auto orders = co_await fetch_orders(global_counter);
  co_return orders;
}

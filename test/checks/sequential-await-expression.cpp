// RUN: %check_async %s async-sequential-await %t
// Awaits side by side in one expression (the operands of + or of a call
// are unsequenced) are started together; their values get names from the
// calls. Awaits behind && or ?: run only on some paths: left alone.
#include "fetch_api.hpp"

int combine(int a, std::string b);

awl::Promise<int> sum(int id) {
  int total = co_await fetch_orders(id) + co_await fetch_count(id);
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: 2 independent co_await expressions in one expression run one after another; start them together with 'awl::when_all' [async-sequential-await]
  // CHECK-FIXES: {{^}}  auto [orders, count] = co_await awl::when_all(fetch_orders(id), fetch_count(id));{{$}}
  // CHECK-FIXES-NEXT: {{^}}  int total = orders + count;{{$}}
  co_return total;
}

awl::Promise<int> call(int id) {
  co_return combine(co_await fetch_count(id), co_await fetch_name(id));
  // CHECK-MESSAGES: :[[@LINE-1]]:21: warning: 2 independent co_await expressions in one expression run one after another; start them together with 'awl::when_all' [async-sequential-await]
  // CHECK-FIXES: {{^}}  auto [count, name] = co_await awl::when_all(fetch_count(id), fetch_name(id));{{$}}
  // CHECK-FIXES-NEXT: {{^}}  co_return combine(count, std::move(name));{{$}}
}

awl::Promise<bool> conditional(int id) {
  bool both = co_await fetch_count(id) > 0 && co_await fetch_orders(id) > 0;
  int either = id > 0 ? co_await fetch_count(id) : co_await fetch_orders(id);
  co_return both && either > 0;
}

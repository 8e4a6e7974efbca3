// RUN: %check_async %s async-sequential-await %t
// A sleep separates two groups; each is reported and fixed on its own.
#include <awl/sleep.hpp>
#include "fetch_api.hpp"

awl::Promise<int> two_rounds(int id) {
  auto a = co_await fetch_count(id);
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: 2 independent co_await expressions run one after another; start them together with 'awl::when_all' [async-sequential-await]
  auto b = co_await fetch_orders(id);
  co_await awl::sleep(10);
  auto c = co_await fetch_count(id + 1);
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: 2 independent co_await expressions run one after another; start them together with 'awl::when_all' [async-sequential-await]
  auto d = co_await fetch_orders(id + 1);
  // CHECK-FIXES: {{^}}  auto [a, b] = co_await awl::when_all(fetch_count(id), fetch_orders(id));{{$}}
  // CHECK-FIXES-NEXT: {{^}}  co_await awl::sleep(10);{{$}}
  // CHECK-FIXES: {{^}}  auto [c, d] = co_await awl::when_all(fetch_count(id + 1), fetch_orders(id + 1));{{$}}
  co_return a + b + c + d;
}

// RUN: %check_async %s async-sequential-await %t
// Explicit and differing declared types are kept: the results are bound to
// fresh names and each variable is declared as before from its value.
#include "fetch_api.hpp"

awl::Promise<long> totals(int id) {
  long orders = co_await fetch_orders(id);
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: 2 independent co_await expressions run one after another; start them together with 'awl::when_all' [async-sequential-await]
  const std::string name = co_await fetch_name(id);
  // CHECK-FIXES: {{^}}  auto [orders_, name_] = co_await awl::when_all(fetch_orders(id), fetch_name(id));{{$}}
  // CHECK-FIXES-NEXT: {{^}}  long orders = std::move(orders_);{{$}}
  // CHECK-FIXES-NEXT: {{^}}  const std::string name = std::move(name_);{{$}}
  co_return orders + static_cast<long>(name.size());
}

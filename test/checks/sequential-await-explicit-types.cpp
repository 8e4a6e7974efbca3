// RUN: %check_async %s async-sequential-await %t
// Explicit and differing declared types are kept: the results are bound to
// names of their own and each variable is declared as before from its
// value: copied when trivially copyable, moved otherwise. (A const one among
// mutable ones keeps its declaration too.)
#include "fetch_api.hpp"

awl::Promise<long> totals(int id) {
  long orders = co_await fetch_orders(id);
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: 2 independent co_await expressions run one after another; start them together with 'awl::when_all' [async-sequential-await]
  const std::string name = co_await fetch_name(id);
  // CHECK-FIXES: {{^}}  auto [orders_value, name_value] = co_await awl::when_all(fetch_orders(id), fetch_name(id));{{$}}
  // CHECK-FIXES-NEXT: {{^}}  long orders = orders_value;{{$}}
  // CHECK-FIXES-NEXT: {{^}}  const std::string name = std::move(name_value);{{$}}
  co_return orders + static_cast<long>(name.size());
}

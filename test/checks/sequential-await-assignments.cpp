// RUN: %check_async %s async-sequential-await %t
// Assignments to existing local variables become one std::tie.
#include "fetch_api.hpp"

awl::Promise<int> refresh(int id) {
  int orders = 0;
  std::string name;
  orders = co_await fetch_orders(id);
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: 2 independent co_await expressions run one after another; start them together with 'awl::when_all' [async-sequential-await]
  name = co_await fetch_name(id);
  // CHECK-FIXES: {{^}}  std::tie(orders, name) = co_await awl::when_all(fetch_orders(id), fetch_name(id));{{$}}
  co_return orders + static_cast<int>(name.size());
}

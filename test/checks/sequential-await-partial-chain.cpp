// RUN: %check_async %s async-sequential-await %t
// a and b are independent, c needs a: only a and b are grouped.
#include "fetch_api.hpp"

awl::Promise<int> chain(int id) {
  auto user = co_await fetch_user(id);
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: 2 independent co_await expressions run one after another; start them together with 'awl::when_all' [async-sequential-await]
  auto stats = co_await fetch_stats(id);
  auto orders = co_await fetch_orders(user.id);
  // CHECK-FIXES: {{^}}  auto [user, stats] = co_await awl::when_all(fetch_user(id), fetch_stats(id));{{$}}
  // CHECK-FIXES: {{^}}  auto orders = co_await fetch_orders(user.id);{{$}}
  co_return orders + static_cast<int>(stats);
}

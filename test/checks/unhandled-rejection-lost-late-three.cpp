// RUN: %check_async --fix-notes %s async-unhandled-rejection %t
// Three promises started, then awaited in turn: both later ones can be lost
// when an earlier await throws. The note fix joins only a consecutive pair
// (the first with the second); the third has none of its own.
#include "fetch_api.hpp"
#include <awl/when_all.hpp>

awl::Promise<int> page(int id) {
  auto user = fetch_user(id);
  auto orders = fetch_orders(id);
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: the promise in 'orders' runs while 'user' is awaited
  auto stats = fetch_stats(id);
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: the promise in 'stats' runs while 'user' is awaited
  User u = co_await user;
  int o = co_await orders;
  // CHECK-FIXES: {{^}}  auto [u, o] = co_await awl::when_all(user, orders);{{$}}
  double s = co_await stats;
  co_return u.id + o + static_cast<int>(s);
}

awl::Promise<void> discarded_results(int id) {
  auto cache = load_cache(id);
  auto config = load_config();
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: the promise in 'config' runs while 'cache' is awaited
  co_await cache;
  co_await config;
  // CHECK-FIXES: {{^}}  co_await awl::when_all(cache, config);{{$}}
}

// RUN: %check_async %s async-sequential-await %t
// Negative: sleep is a scheduling primitive: never grouped, and it separates
// the awaits around it.
#include <awl/sleep.hpp>
#include "fetch_api.hpp"

awl::Promise<int> paced(int id) {
  co_await awl::sleep(100);
  co_await awl::sleep(100);
  auto a = co_await fetch_count(id);
  co_await awl::sleep(50);
  auto b = co_await fetch_orders(id);
  co_return a + b;
}

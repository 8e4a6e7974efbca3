// RUN: %check_async %s async-sequential-await %t
// Negative: the later operand is a coroutine lambda capturing the earlier
// result (by value and by reference).
#include "fetch_api.hpp"

awl::Promise<int> load(int id) {
  auto user = co_await fetch_user(id);
  auto orders = co_await [user]() -> awl::Promise<int> {
    co_return co_await fetch_orders(user.id);
  }();
  auto count = co_await [&]() -> awl::Promise<int> {
    co_return co_await fetch_count(orders);
  }();
  co_return orders + count;
}

// RUN: %check_async %s async-sequential-await %t
// Negative: the earlier result is used by a statement between the awaits.
#include "fetch_api.hpp"

awl::Promise<int> load(int id) {
  auto count = co_await fetch_count(id);
  int doubled = count * 2;
  auto orders = co_await fetch_orders(id);
  co_return orders + doubled;
}

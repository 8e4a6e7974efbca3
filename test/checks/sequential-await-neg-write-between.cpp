// RUN: %check_async %s async-sequential-await %t
// Negative: a statement between the awaits writes what the later operand
// reads.
#include "fetch_api.hpp"

awl::Promise<int> load(int id) {
  auto count = co_await fetch_count(id);
  id = id + 1;
  auto orders = co_await fetch_orders(id);
  co_return orders + count;
}

// RUN: %check_async %s async-sequential-await %t
// Negative: the later operand uses a structured binding of the earlier result.
#include "fetch_api.hpp"

awl::Promise<int> load(int id) {
  auto [user_id, name] = co_await fetch_pair(id);
  auto orders = co_await fetch_orders(user_id);
  co_return orders + static_cast<int>(name.size());
}

// RUN: %check_async %s async-sequential-await %t
// Negative: the later operand reads a member of the earlier result.
#include "fetch_api.hpp"

awl::Promise<int> load(int id) {
  auto user = co_await fetch_user(id);
  auto orders = co_await fetch_orders(user.id);
  co_return orders;
}

// RUN: %check_async %s async-sequential-await %t
// Negative: the later operand takes the address of the earlier result.
#include "fetch_api.hpp"

awl::Promise<int> load(int id) {
  int count = co_await fetch_count(id);
  auto orders = co_await fetch_from(&count);
  co_return orders;
}

// RUN: %check_async %s async-sequential-await %t
// Negative: the later operand uses the earlier result through a reference.
#include "fetch_api.hpp"

awl::Promise<int> load(int id) {
  const int &count = co_await fetch_count(id);
  auto orders = co_await fetch_ref(count);
  co_return orders;
}

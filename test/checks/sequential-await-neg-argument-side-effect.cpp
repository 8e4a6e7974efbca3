// RUN: %check_async %s async-sequential-await %t
// Negative: evaluating the first operand writes what the second reads.
#include "fetch_api.hpp"

awl::Promise<int> load(int id) {
  int next = id;
  auto a = co_await fetch_count(next++);
  auto b = co_await fetch_orders(next);
  co_return a + b;
}

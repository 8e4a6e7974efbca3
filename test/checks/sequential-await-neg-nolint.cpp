// RUN: %check_async %s async-sequential-await %t
// Negative: NOLINT and NOLINTNEXTLINE suppress the warning.
#include "fetch_api.hpp"

awl::Promise<int> load(int id) {
  auto a = co_await fetch_count(id); // NOLINT(async-sequential-await)
  auto b = co_await fetch_orders(id);
  // NOLINTNEXTLINE(async-sequential-await)
  auto c = co_await fetch_count(id + 1);
  auto d = co_await fetch_orders(id + 1);
  co_return a + b + c + d;
}

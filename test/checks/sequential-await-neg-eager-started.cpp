// RUN: %check_async %s async-sequential-await %t
// Negative: awl promises are eager: both calls already run concurrently
// when their promises are created, awaiting them in turn costs nothing.
#include "fetch_api.hpp"

awl::Promise<int> load(int id) {
  auto count = fetch_count(id);
  auto orders = fetch_orders(id);
  int a = co_await count;
  int b = co_await orders;
  co_return a + b;
}

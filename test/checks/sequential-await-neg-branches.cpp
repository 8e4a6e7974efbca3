// RUN: %check_async %s async-sequential-await %t
// Negative: awaits on different branches are not grouped.
#include "fetch_api.hpp"

awl::Promise<int> load(bool cached, int id) {
  int total = 0;
  if (cached)
    total += co_await fetch_count(id);
  else
    total += co_await fetch_orders(id);
  if (cached) {
    co_await load_cache(id);
  }
  co_await load_config();
  co_return total;
}

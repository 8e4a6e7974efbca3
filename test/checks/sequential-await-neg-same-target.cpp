// RUN: %check_async %s async-sequential-await %t
// Negative: both awaits assign one variable (the second value wins).
#include "fetch_api.hpp"

awl::Promise<int> load(int id) {
  int latest = 0;
  latest = co_await fetch_count(id);
  latest = co_await fetch_orders(id);
  co_return latest;
}

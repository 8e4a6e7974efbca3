// RUN: %check_async %s async-sequential-await %t
// Negative: the first handler writes what the second call reads, so the
// second call cannot start before the first handler ran.
#include "fetch_api.hpp"

awl::Promise<int> load(int id) {
  int a = 0, b = 0;
  try {
    a = co_await fetch_count(id);
  } catch (...) {
    id = 0; // fall back to the default account
  }
  try {
    b = co_await fetch_orders(id);
  } catch (...) {
    b = -1;
  }
  co_return a + b;
}

// RUN: %check_async %s async-sequential-await %t
// Negative: awaits in separate try blocks are not grouped (their failures
// are handled differently).
#include "fetch_api.hpp"

awl::Promise<int> load(int id) {
  int a = 0, b = 0;
  try {
    a = co_await fetch_count(id);
  } catch (...) {
    a = -1;
  }
  try {
    b = co_await fetch_orders(id);
  } catch (...) {
    b = -1;
  }
  co_return a + b;
}

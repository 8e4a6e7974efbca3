// RUN: %check_async %s async-sequential-await %t
// Negative: a case label between awaits is a jump target; the awaits are
// not consecutive on every path.
#include "fetch_api.hpp"

awl::Promise<int> load(int kind, int id) {
  int total = 0;
  switch (kind) {
  case 0:
    total += co_await fetch_count(id);
    [[fallthrough]];
  case 1:
    total += co_await fetch_orders(id);
    break;
  }
  co_return total;
}

// RUN: %check_async %s async-sequential-await %t
// Negative: a call with side effects on non-local state between the awaits
// (logging, a global counter) stops the group.
#include "fetch_api.hpp"

awl::Promise<int> load(int id) {
  auto a = co_await fetch_count(id);
  log_event("count fetched");
  auto b = co_await fetch_orders(id);
  ++global_counter;
  auto c = co_await fetch_orders(id + 1);
  co_return a + b + c;
}

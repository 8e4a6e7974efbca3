// RUN: %check_async %s async-unhandled-rejection %t
// ORACLE: unobserved
// A prefetch started "to warm the cache" and never looked at again: when the
// backend fails, nobody hears of it.
#include "oracle_api.hpp"

awl::Promise<int> open_page(int id) {
  auto warm = backend::fetch(id + 100, 5);
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: the promise in 'warm' is never awaited or passed on: if it rejects, no code observes the exception [async-unhandled-rejection]
  co_return id;
}

int main() {
  return oracle::run([] { return open_page(1); });
}

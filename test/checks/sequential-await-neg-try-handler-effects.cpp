// RUN: %check_async %s async-sequential-await %t
// Negative: handlers with effects outside the coroutine (a log call, a
// counter on the object) would run after the next call started.
#include "fetch_api.hpp"

struct Loader {
  int failures = 0;

  awl::Promise<int> load(int id) {
    int a = 0, b = 0;
    try {
      a = co_await fetch_count(id);
    } catch (...) {
      log_event("count failed");
    }
    try {
      b = co_await fetch_orders(id);
    } catch (...) {
      ++failures;
    }
    try {
      a += co_await fetch_count(id + 1);
    } catch (...) {
    }
    co_return a + b;
  }
};

// RUN: %check_async %s async-sequential-await %t
// Negative: a handler that leaves (co_return, rethrow) means the sequential
// code never starts the next call after that failure.
#include "fetch_api.hpp"

awl::Promise<int> load(int id) {
  int a = 0, b = 0, c = 0;
  try {
    a = co_await fetch_count(id);
  } catch (...) {
    co_return -1;
  }
  try {
    b = co_await fetch_orders(id);
  } catch (...) {
    throw;
  }
  try {
    c = co_await fetch_count(id + 1);
  } catch (...) {
    c = 0;
  }
  co_return a + b + c;
}

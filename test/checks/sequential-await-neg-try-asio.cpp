// RUN: %check_async %s async-sequential-await %t -- %asio_flags
// Negative: asio has no combinator that hands each try block its own
// outcome, so awaits in separate try blocks are left alone.
#include <asio.hpp>

asio::awaitable<int> fetch_count(int id);
asio::awaitable<int> fetch_orders(int id);

asio::awaitable<int> load(int id) {
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

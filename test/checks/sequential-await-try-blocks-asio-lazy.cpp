// RUN: %check_async %s async-sequential-await %t -- %asio_flags
// asio has no combinator that hands each try block its own outcome, and its
// awaitables are lazy (they start only when awaited), so nothing rewrites
// awaits in separate try blocks mechanically: reported without a fix-it,
// naming the options that would give one. The code is left unchanged.
#include <asio.hpp>

asio::awaitable<int> fetch_count(int id);
asio::awaitable<int> fetch_orders(int id);
int cached_orders = 0;

asio::awaitable<int> load(int id) {
  int a = 0, b = 0;
  try {
    a = co_await fetch_count(id);
    // CHECK-NOTES: :[[@LINE-1]]:9: warning: 2 independent co_await expressions in separate try blocks run one after another; start them together with a settled combinator [async-sequential-await]
    // CHECK-NOTES: :[[@LINE-2]]:9: note: no fix-it: no settled combinator is known for 'asio::awaitable' (its tasks are lazy: they start only when awaited); set the WhenAllSettledFunction and SettledValueMethod options
    // CHECK-NOTES: :[[@LINE-3]]:9: note: independent co_await 1 of 2
  } catch (...) {
    a = -1;
  }
  try {
    b = co_await fetch_orders(id);
    // CHECK-NOTES: :[[@LINE-1]]:9: note: independent co_await 2 of 2
  } catch (...) {
    b = -1;
  }
  co_return a + b;
}

// A handler that writes what the next call may read keeps the order.
asio::awaitable<int> load_with_fallback(int id) {
  int a = 0, b = 0;
  try {
    a = co_await fetch_count(id);
  } catch (...) {
    cached_orders = 0;
  }
  try {
    b = co_await fetch_orders(id);
  } catch (...) {
    b = -1;
  }
  co_return a + b;
}

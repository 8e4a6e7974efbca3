// RUN: %check_async %s async-sequential-await %t
// Lazy tasks (cppcoro) start only when awaited: creating them first does
// not make them concurrent, so this is flagged (unlike eager awl promises,
// see sequential-await-neg-eager-started.cpp). No automatic fix.
#include <cppcoro/task.hpp>

cppcoro::task<int> fetch_count(int id);
cppcoro::task<int> fetch_orders(int id);

cppcoro::task<int> load(int id) {
  auto count = fetch_count(id);
  auto orders = fetch_orders(id);
  int a = co_await count;
  // CHECK-NOTES: :[[@LINE-1]]:11: warning: 2 independent co_await expressions run one after another; start them together with 'cppcoro::when_all' [async-sequential-await]
  // CHECK-NOTES: :[[@LINE-2]]:11: note: no fix-it: it awaits existing task objects; start them with a combined await by hand
  // CHECK-NOTES: :[[@LINE-3]]:11: note: independent co_await 1 of 2
  int b = co_await orders;
  // CHECK-NOTES: :[[@LINE-1]]:11: note: independent co_await 2 of 2
  co_return a + b;
}

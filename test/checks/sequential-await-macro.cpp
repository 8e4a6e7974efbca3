// RUN: %check_async %s async-sequential-await %t
// Awaits spelled through a macro are reported, but not rewritten.
#include "fetch_api.hpp"

#define AWAIT_COUNT(id) co_await fetch_count(id)

awl::Promise<int> load(int id) {
  auto a = AWAIT_COUNT(id);
  // CHECK-NOTES: :[[@LINE-1]]:12: warning: 2 independent co_await expressions run one after another; start them together with 'awl::when_all' [async-sequential-await]
  // CHECK-NOTES: :5:25: note: expanded from macro 'AWAIT_COUNT'
  // CHECK-NOTES: :[[@LINE-3]]:12: note: no fix-it: the awaits come from a macro expansion
  // CHECK-NOTES: :5:25: note: expanded from macro 'AWAIT_COUNT'
  // CHECK-NOTES: :[[@LINE-5]]:12: note: independent co_await 1 of 2
  // CHECK-NOTES: :5:25: note: expanded from macro 'AWAIT_COUNT'
  auto b = co_await fetch_orders(id);
  // CHECK-NOTES: :[[@LINE-1]]:12: note: independent co_await 2 of 2
  co_return a + b;
}

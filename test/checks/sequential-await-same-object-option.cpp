// RUN: %check_async --fix-notes --config="{CheckOptions: {async-sequential-await.SameObjectIsDependent: false}}" %s async-sequential-await %t
// SameObjectIsDependent=false: two calls on one object may run together.
#include "fetch_api.hpp"

awl::Promise<int> two_queries(Database &db) {
  auto a = co_await db.query(1);
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: 2 independent co_await expressions run one after another; start them together with 'awl::when_all' [async-sequential-await]
  auto b = co_await db.query(2);
  // CHECK-FIXES: {{^}}  auto [a, b] = co_await awl::when_all(db.query(1), db.query(2));{{$}}
  co_return a + b;
}

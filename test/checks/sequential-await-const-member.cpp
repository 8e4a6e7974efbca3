// RUN: %check_async %s async-sequential-await %t
// const member functions of one object (lookups) are independent, and
// their 'lookup' name marks them as fetches: the fix is on the warning.
#include "fetch_api.hpp"

awl::Promise<int> two_lookups(const Database &db) {
  auto a = co_await db.lookup(1);
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: 2 independent co_await expressions run one after another; start them together with 'awl::when_all' [async-sequential-await]
  auto b = co_await db.lookup(2);
  // CHECK-FIXES: {{^}}  auto [a, b] = co_await awl::when_all(db.lookup(1), db.lookup(2));{{$}}
  co_return a + b;
}

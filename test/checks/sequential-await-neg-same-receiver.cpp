// RUN: %check_async %s async-sequential-await %t
// Negative: both calls use one non-const object as receiver (one database
// connection runs one query at a time): SameObjectIsDependent defaults to
// true.
#include "fetch_api.hpp"

awl::Promise<int> two_queries(Database &db) {
  auto a = co_await db.query(1);
  auto b = co_await db.query(2);
  co_return a + b;
}

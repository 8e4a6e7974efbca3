// awaitlint --explain says why a try block around an await stays out of a
// run of try blocks, and why a run ends: a handler calling a function of
// unknown effect, a handler writing what the next call may read, a handler
// that leaves.
// RUN: %awaitlint --explain=guarded_loads %s -- %awl_flags > %t.txt
// RUN: %FileCheck %s < %t.txt
#include "fetch_api.hpp"

void report_failure();
int last_failure = 0;

awl::Promise<int> guarded_loads(int id) {
  int a = 0, b = 0, c = 0, d = 0;
  try {
    a = co_await fetch_count(id);
  } catch (...) {
    report_failure();
  }
  try {
    b = co_await fetch_count(id + 1);
  } catch (...) {
    last_failure = id;
  }
  try {
    c = co_await fetch_count(id + 2);
  } catch (...) {
    throw;
  }
  try {
    d = co_await fetch_count(id + 3);
  } catch (...) {
    d = -1;
  }
  co_return a + b + c + d;
}

// CHECK: coroutine guarded_loads
// CHECK: findings
// CHECK-NEXT: none
// CHECK: left alone
// CHECK-NEXT: 14:3 [async-sequential-await] try block not grouped with others: code after its await or in a handler calls a function of unknown effect
// CHECK-NEXT: 19:3 [async-sequential-await] try block not grouped with others: code after its await or in a handler writes beyond the coroutine's locals
// CHECK-NEXT: 29:3 [async-sequential-await] try block starts a new group: the try block before it may leave the coroutine

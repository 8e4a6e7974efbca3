// awaitlint --explain finds a coroutine whose body is a function-try-block:
// clang gives such a body no end location, so the listing used to miss the
// coroutine ("no coroutine whose name matches"); its lines span the try
// statement up to the last handler.
// RUN: %awaitlint --explain=guarded_summary %s -- %awl_flags > %t.txt
// RUN: %FileCheck %s < %t.txt
#include <awl/promise.hpp>

awl::Promise<int> fetch_score(int id);
awl::Promise<int> fetch_rank(int id);

awl::Promise<int> guarded_summary(int id) try {
  int score = co_await fetch_score(id);
  int rank = co_await fetch_rank(id);
  co_return score * 100 + rank;
} catch (...) {
  co_return -1;
}

// CHECK: coroutine guarded_summary {{.*}}explain-function-try-block.cpp:12-18)
// CHECK: A1 {{.*}}co_await fetch_score(id)
// CHECK: A2 {{.*}}co_await fetch_rank(id)
// CHECK: A2 need not wait for A1: independent
// CHECK: findings
// CHECK-NEXT: [async-sequential-await] A1 A2: 2 independent co_await expressions

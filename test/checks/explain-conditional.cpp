// awaitlint --explain on awaits alone under an if: each is a candidate of
// the if's block (also when it sits in braces), says so, and is ordered
// against the awaits around it.
// RUN: %awaitlint --explain=close_both %s -- %awl_flags > %t.txt
// RUN: %FileCheck %s < %t.txt
#include <awl/promise.hpp>

struct Connection {
  int id;
  bool open;
};

awl::Promise<void> close_connection(Connection &connection);

awl::Promise<void> close_both(Connection &left, Connection &right) {
  if (left.open)
    co_await close_connection(left);
  if (right.open) {
    co_await close_connection(right);
  }
}

// CHECK: coroutine close_both
// CHECK: A1 {{.*}}co_await close_connection(left)
// CHECK-NEXT: alone under an if; calls 'close_connection'
// CHECK: A2 {{.*}}co_await close_connection(right)
// CHECK-NEXT: alone under an if; calls 'close_connection'
// CHECK: order (each await against the earlier ones of its block)
// CHECK-NEXT: A2 need not wait for A1: independent
// CHECK: findings
// CHECK-NEXT: [async-sequential-await] A1 A2: 2 independent co_await expressions

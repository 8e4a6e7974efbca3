// awaitlint --explain shows the order async-sequential-await groups by,
// with that check's own options: here ConcurrentObjectTypes is extended for
// async-sequential-await only, so the two calls on the client are
// independent for it, and the listing says so (the other checks, which see
// the coroutine first, keep the default and do not decide the order shown).
// RUN: %awaitlint --config="{CheckOptions: {async-sequential-await.ExtraConcurrentObjectTypes: 'net::client'}}" --explain=both_reads %s -- %awl_flags > %t.txt
// RUN: %FileCheck %s < %t.txt
// Without the option, the same listing orders them.
// RUN: %awaitlint --explain=both_reads %s -- %awl_flags > %t.default.txt
// RUN: %FileCheck --check-prefix=DEFAULT %s < %t.default.txt
#include <awl/promise.hpp>

namespace net {
struct client {
  awl::Promise<int> co_user_get(int id);
  awl::Promise<int> co_message_get(int id);
};
} // namespace net

awl::Promise<int> both_reads(net::client &bot, int a, int b) {
  int x = co_await bot.co_user_get(a);
  int y = co_await bot.co_message_get(b);
  co_return x + y;
}

// CHECK: coroutine both_reads
// CHECK: order (each await against the earlier ones of its block)
// CHECK-NEXT: A2 need not wait for A1: independent
// CHECK: findings
// CHECK-NEXT: [async-sequential-await] A1 A2: 2 independent co_await expressions

// DEFAULT: coroutine both_reads
// DEFAULT: order (each await against the earlier ones of its block)
// DEFAULT-NEXT: A2 waits for A1: both act on 'bot'
// DEFAULT: findings
// DEFAULT-NEXT: none

// RUN: %check_async --fix-notes %s async-sequential-await %t
// async_simple's collectAll waits for every operand and reports failures
// through each slot's Try, so the note says the failure comes after all of
// them finished (not "fails fast"); the fix unwraps each Try in order.
#include <async_simple/coro/Lazy.h>

async_simple::coro::Lazy<int> process_a(int);
async_simple::coro::Lazy<int> process_b(int);

async_simple::coro::Lazy<int> both(int id) {
  int a = co_await process_a(id);
  // CHECK-NOTES: :[[@LINE-1]]:11: warning: 2 independent co_await expressions run one after another; start them together with 'async_simple::coro::collectAll' [async-sequential-await]
  // CHECK-NOTES: :[[@LINE-2]]:11: note: fix-it on this note only (apply with --fix-notes): 'async_simple::coro::collectAll' starts every call at once and reports a failure after all of them finished, while the sequential awaits start a call only after the previous one succeeded, and 'process_a' is not known to be free of side effects
  // CHECK-NOTES: :[[@LINE-3]]:11: note: independent co_await 1 of 2
  int b = co_await process_b(id);
  // CHECK-NOTES: :[[@LINE-1]]:11: note: independent co_await 2 of 2
  // CHECK-FIXES: {{^}}  auto [a_try, b_try] = co_await async_simple::coro::collectAll(process_a(id), process_b(id));{{$}}
  // CHECK-FIXES-NEXT: {{^}}  int a = std::move(a_try).value();{{$}}
  // CHECK-FIXES-NEXT: {{^}}  int b = std::move(b_try).value();{{$}}
  co_return a + b;
}

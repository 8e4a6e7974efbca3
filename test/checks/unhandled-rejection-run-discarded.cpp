// RUN: %check_async --fix-notes %s async-unhandled-rejection %t
// RUN-AND-COMPARE
// ELAPSED-BEFORE: 10ms
// ELAPSED-AFTER: 20ms
// ORACLE: unobserved
// A promise dropped in a coroutine: the rejection is lost (awl reports it).
// The note's fix awaits it: the coroutine then waits for the store (10 ms
// more) and sees its failure.
#include "oracle_api.hpp"

awl::Promise<int> save_and_load(int id) {
  backend::store(id, 10);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: the promise returned by 'store' is discarded: if it rejects, no code observes the exception [async-unhandled-rejection]
  // CHECK-FIXES: {{^}}  co_await backend::store(id, 10);{{$}}
  co_return co_await backend::fetch(id, 10);
}

int main() {
  return oracle::run([] { return save_and_load(1); });
}

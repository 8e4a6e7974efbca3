// RUN: %check_async --fix-notes %s async-unhandled-rejection %t
// RUN-AND-COMPARE
// ELAPSED-BEFORE: 20ms
// ELAPSED-AFTER: 20ms
// ORACLE: unobserved
// Started early, lost late: both promises run, then the first is awaited.
// If it rejects, the coroutine leaves and the second's rejection is never
// observed (awl, like Node, reports it). Awaiting both together observes
// both; the time is the same, since both already ran concurrently.
#include "oracle_api.hpp"

awl::Promise<int> dashboard(int id) {
  auto user = backend::fetch(id, 10);
  auto orders = backend::fetch(id + 1, 20);
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: the promise in 'orders' runs while 'user' is awaited (line [[@LINE+1]]): if 'user' throws first, the coroutine leaves and no code observes a failure of 'orders'; await them together [async-unhandled-rejection]
  int u = co_await user;
  int o = co_await orders;
  // CHECK-FIXES: {{^}}  auto [u, o] = co_await awl::when_all(user, orders);{{$}}
  co_return u + o;
}

int main() {
  return oracle::run([] { return dashboard(2); });
}

// RUN: %check_async --fix-notes %s async-unhandled-rejection %t
// ORACLE: unobserved
// A then-chain without a rejection handler, dropped: the rejection passes
// through `then` and nobody handles the derived promise. Awaiting the chain
// observes it.
#include "oracle_api.hpp"

int seen = 0;

awl::Promise<void> count_later(int id) {
  backend::fetch(id).then([](int v) { seen += v; });
  // CHECK-MESSAGES: :[[@LINE-1]]:22: warning: the promise chain ending in 'then' is discarded without a rejection handler
  // CHECK-FIXES: {{^}}  co_await backend::fetch(id).then([](int v) { seen += v; });{{$}}
  co_await awl::sleep(20);
}

int main() {
  return oracle::run([] { return count_later(1); });
}

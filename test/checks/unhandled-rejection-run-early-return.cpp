// RUN: %check_async %s async-unhandled-rejection %t
// ORACLE: unobserved
// A promise started, then an early return before it is awaited: if it
// rejects, nobody sees it. The note shows the path.
#include "oracle_api.hpp"

awl::Promise<int> load_profile(int id, bool cached) {
  auto user = backend::fetch(id);
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: the promise in 'user' is not awaited or passed on along every path: if it rejects there, no code observes the exception [async-unhandled-rejection]
  if (cached)
    co_return 0;
  co_return co_await user;
}

int main() {
  return oracle::run([] { return load_profile(1, true); });
}

// RUN: %check_async %s async-unhandled-rejection %t
// A request started in each iteration; the loop breaks before awaiting it
// when the previous result says it has enough.
#include "fetch_api.hpp"

awl::Promise<int> collect(int limit) {
  int total = 0;
  int page = 0;
  while (true) {
    auto next = fetch_count(page++);
    // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: the promise in 'next' is not awaited or passed on along every path
    if (total >= limit)
      break;
    total += co_await next;
  }
  co_return total;
}

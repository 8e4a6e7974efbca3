// RUN: %check_async %s async-unhandled-rejection %t
// ORACLE: unobserved
// Each iteration starts a request; odd ones `continue` before awaiting it,
// so their rejections are lost.
#include "oracle_api.hpp"

awl::Promise<int> even_total(int n) {
  int total = 0;
  for (int i = 0; i < n; ++i) {
    auto item = backend::fetch(i);
    // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: the promise in 'item' is not awaited or passed on along every path
    if (i % 2 == 1)
      continue;
    try {
      total += co_await item;
    } catch (const std::exception &) {
    }
  }
  co_return total;
}

int main() {
  return oracle::run([] { return even_total(4); });
}

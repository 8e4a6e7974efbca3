// RUN: %check_async %s async-await-in-loop %t
// Negative: retry loops. The exit depends on the awaited result (a break
// on success, or a status variable the condition tests).
#include <awl/promise.hpp>

awl::Promise<bool> try_send(int message);

awl::Promise<bool> send_with_retries(int message) {
  for (int attempt = 0; attempt < 3; ++attempt) {
    const bool ok = co_await try_send(message);
    if (ok) co_return true;
  }
  co_return false;
}

awl::Promise<bool> send_until_done(int message) {
  bool sent = false;
  for (int attempt = 0; attempt < 3 && !sent; ++attempt) sent = co_await try_send(message);
  co_return sent;
}

awl::Promise<void> send_forever(int message) {
  bool ok = false;
  while (!ok) ok = co_await try_send(message);
}

// RUN: %check_async %s async-await-in-loop %t -- %asio_flags
// asio::awaitable is lazy: each iteration's coroutine starts only when it is
// awaited, so the loop is serial. Reported without a fix-it (asio 1.22's
// operators combine a fixed number of awaitables, not a range). A timer wait in the
// body (rate limiting) is left alone.
#include <asio.hpp>
#include <chrono>
#include <vector>

asio::awaitable<int> fetch_count(int id);

asio::awaitable<int> total(std::vector<int> ids) {
  int sum = 0;
  for (int id : ids) sum += co_await fetch_count(id);
  // CHECK-NOTES: :[[@LINE-1]]:29: warning: co_await in a loop runs the iterations one after another; start them together and await once with a when_all combinator [async-await-in-loop]
  // CHECK-NOTES: :[[@LINE-2]]:29: note: no fix-it: no when_all over a range of 'asio::awaitable' is known; set the WhenAllFunction option (the tasks are lazy: they start only when the combined await starts them)
  std::vector<int> out;
  for (int id : ids) out.push_back(co_await fetch_count(id));
  // CHECK-NOTES: :[[@LINE-1]]:36: warning: co_await in a loop runs the iterations one after another; start them together and await once with a when_all combinator [async-await-in-loop]
  // CHECK-NOTES: :[[@LINE-2]]:36: note: no fix-it: no when_all over a range of 'asio::awaitable' is known; set the WhenAllFunction option (the tasks are lazy: they start only when the combined await starts them)
  auto executor = co_await asio::this_coro::executor;
  asio::steady_timer timer(executor);
  for (int id : ids) {
    timer.expires_after(std::chrono::milliseconds(100));
    co_await timer.async_wait(asio::use_awaitable);
    sum += co_await fetch_count(id);
  }
  co_return sum;
}

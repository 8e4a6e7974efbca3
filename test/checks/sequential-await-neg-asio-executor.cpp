// RUN: %check_async %s async-sequential-await %t -- %asio_flags
// Negative: asio::this_coro::executor and a timer wait are not work to run
// together.
#include <asio.hpp>
#include <chrono>

asio::awaitable<int> compute();

asio::awaitable<int> run() {
  auto executor = co_await asio::this_coro::executor;
  asio::steady_timer timer(executor, std::chrono::milliseconds(10));
  co_await timer.async_wait(asio::use_awaitable);
  int value = co_await compute();
  co_return value;
}

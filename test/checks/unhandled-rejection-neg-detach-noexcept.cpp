// RUN: %check_async %s async-unhandled-rejection %t -- %asio_flags
// Negative: a detached coroutine declared noexcept. Code that reports its
// I/O errors as values marks its coroutines noexcept to say that their
// failures are handled inside; the check takes the author's word (a
// coroutine's noexcept does not stop an exception from reaching the
// promise, so this is a statement of intent, accepted like NOLINT). The
// same word holds where a spawned lambda only awaits such a coroutine.
#include <asio.hpp>
#include <stdexcept>

asio::awaitable<int> resolve_backend(int attempt) {
  co_await asio::post(co_await asio::this_coro::executor, asio::use_awaitable);
  if (attempt > 3)
    throw std::runtime_error("no backend");
  co_return attempt;
}

struct proxy_server {
  asio::awaitable<void> refresh_addresses() noexcept {
    int backend = co_await resolve_backend(1);
    addresses += backend;
  }
  template <class Socket> asio::awaitable<void> detect() noexcept {
    int backend = co_await resolve_backend(3);
    addresses += backend;
  }
  void start(asio::io_context &io) {
    asio::co_spawn(io, refresh_addresses(), asio::detached);
    asio::co_spawn(
        io,
        [this]() -> asio::awaitable<void> {
          co_await refresh_addresses();
          co_await detect<int>();
        },
        asio::detached);
    asio::co_spawn(
        io, [this]() noexcept -> asio::awaitable<void> {
          addresses += co_await resolve_backend(2);
        },
        asio::detached);
  }
  int addresses = 0;
};

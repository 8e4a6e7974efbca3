// RUN: %check_async %s async-unhandled-rejection %t -- %asio_flags
// Negative: NOLINT on the line of the call (or NOLINTNEXTLINE before it)
// silences a detach the author meant, as for the other async- warnings.
#include <asio.hpp>
#include <async_simple/coro/Lazy.h>

asio::awaitable<void> heartbeat() {
  co_await asio::post(asio::use_awaitable);
}
async_simple::coro::Lazy<void> refresh() { co_return; }
async_simple::coro::Lazy<int> fetch(int id) {
  co_await refresh();
  co_return id;
}

void start(asio::io_context &io, async_simple::Executor *ex) {
  asio::co_spawn(io, heartbeat(), asio::detached); // NOLINT(async-unhandled-rejection)
  // NOLINTNEXTLINE(async-unhandled-rejection)
  fetch(1).via(ex).detach();
  asio::co_spawn(io, // NOLINT: best effort, failures are retried later
                 heartbeat(), asio::detached);
  fetch(2).start([](auto &&) {}); // NOLINT
}

// RUN: %check_async %s async-unhandled-rejection %t -- %asio_flags
// Negative: co_spawn(..., asio::detached) of coroutines that handle their
// own exceptions, as asio's examples do: the body in a try with
// catch (const std::exception &) or catch (...). Declarations without calls
// and a final co_return of a literal may stay outside the try.
#include <asio.hpp>
#include <cstdio>
#include <exception>
#include <stdexcept>

asio::awaitable<void> session(int id) {
  try {
    auto executor = co_await asio::this_coro::executor;
    asio::steady_timer timer(executor);
    co_await timer.async_wait(asio::use_awaitable);
    throw std::runtime_error("peer reset");
  } catch (const std::exception &e) {
    std::printf("session %d: %s\n", id, e.what());
  }
}

asio::awaitable<int> watchdog() {
  int misses = 0;
  try {
    co_await asio::post(asio::use_awaitable);
    ++misses;
  } catch (...) {
    std::puts("watchdog stopped");
  }
  co_return 0;
}

struct Listener {
  asio::awaitable<void> run() {
    try {
      co_await session(2);
    } catch (std::exception &e) {
      std::printf("listener: %s\n", e.what());
    } catch (...) {
    }
  }
};

void serve() {
  asio::io_context io;
  asio::co_spawn(io, session(1), asio::detached);
  asio::co_spawn(io, watchdog(), asio::detached);
  Listener listener;
  asio::co_spawn(io, listener.run(), asio::detached);
  asio::co_spawn(
      io,
      []() -> asio::awaitable<void> {
        try {
          co_await asio::post(asio::use_awaitable);
          std::puts("lambda ran");
        } catch (...) {
          std::puts("lambda failed");
        }
      },
      asio::detached);
  io.run();
}

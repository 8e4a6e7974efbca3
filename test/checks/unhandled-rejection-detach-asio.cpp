// RUN: %check_async --fix-notes %s async-unhandled-rejection %t -- %asio_flags
// asio::co_spawn with asio::detached: the completion token drops the
// exception of a session that does not catch it. The note's fix replaces the
// token with a completion handler that rethrows (out of io_context::run()).
// Compiled against Debian's asio.
#include <stdexcept>
#include <asio.hpp>
#include <cstdio>

asio::awaitable<void> session(asio::ip::tcp::socket socket) {
  char data[1024];
  for (;;) {
    std::size_t n = co_await socket.async_read_some(asio::buffer(data),
                                                    asio::use_awaitable);
    co_await asio::async_write(socket, asio::buffer(data, n),
                               asio::use_awaitable);
  }
}

asio::awaitable<int> count_peers() {
  auto executor = co_await asio::this_coro::executor;
  asio::steady_timer timer(executor, std::chrono::seconds(1));
  co_await timer.async_wait(asio::use_awaitable);
  if (timer.expiry() < std::chrono::steady_clock::now())
    throw std::runtime_error("late");
  co_return 3;
}

asio::awaitable<void> listener(asio::ip::tcp::acceptor acceptor) {
  for (;;) {
    auto socket = co_await acceptor.async_accept(asio::use_awaitable);
    asio::co_spawn(acceptor.get_executor(), session(std::move(socket)),
                   asio::detached);
    // CHECK-MESSAGES: :[[@LINE-2]]:5: warning: 'co_spawn' runs 'session' detached, and 'session' does not catch its exceptions: if it throws, no code observes the exception [async-unhandled-rejection]
    // CHECK-FIXES: {{^}}    asio::co_spawn(acceptor.get_executor(), session(std::move(socket)),{{$}}
    // CHECK-FIXES-NEXT: {{^}}                   [](std::exception_ptr e) { if (e) std::rethrow_exception(e); });{{$}}
  }
}

void serve() {
  asio::io_context io;
  asio::ip::tcp::acceptor acceptor(io, {asio::ip::tcp::v4(), 0});
  co_spawn(io, listener(std::move(acceptor)), asio::detached);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'co_spawn' runs 'listener' detached, and 'listener' does not catch its exceptions
  // CHECK-FIXES: {{^}}  co_spawn(io, listener(std::move(acceptor)), [](std::exception_ptr e) { if (e) std::rethrow_exception(e); });{{$}}
  asio::co_spawn(io, count_peers(), asio::detached);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'co_spawn' runs 'count_peers' detached, and 'count_peers' does not catch its exceptions
  // CHECK-FIXES: {{^}}  asio::co_spawn(io, count_peers(), [](std::exception_ptr e, auto &&...) { if (e) std::rethrow_exception(e); });{{$}}
  asio::co_spawn(
      io,
      []() -> asio::awaitable<void> {
        auto executor = co_await asio::this_coro::executor;
        asio::steady_timer timer(executor, std::chrono::milliseconds(5));
        co_await timer.async_wait(asio::use_awaitable);
        if (timer.expiry() < std::chrono::steady_clock::now())
          throw std::runtime_error("late");
      },
      asio::detached);
  // CHECK-MESSAGES: :[[@LINE-10]]:3: warning: 'co_spawn' runs the lambda detached, and the lambda does not catch its exceptions
  // CHECK-FIXES: {{^}}      [](std::exception_ptr e) { if (e) std::rethrow_exception(e); });{{$}}
  // A lambda that only awaits a coroutine of this file which lets its
  // exception out (not declared noexcept) lets it out too.
  asio::co_spawn(
      io, []() -> asio::awaitable<void> { std::printf("%d\n", co_await count_peers()); },
      asio::detached);
  // CHECK-MESSAGES: :[[@LINE-3]]:3: warning: 'co_spawn' runs the lambda detached, and the lambda does not catch its exceptions
  io.run_for(std::chrono::milliseconds(1));
}

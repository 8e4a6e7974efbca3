// RUN: %check_async %s async-unhandled-rejection %t -- %asio_flags
// asio: a completion handler that takes the std::exception_ptr and never
// looks at it loses the exception as asio::detached does (unnamed, or named
// and unused, or a generic lambda). No fix: what to do with it is the
// handler's business.
#include <asio.hpp>
#include <cstdio>
#include <exception>

asio::awaitable<int> poll_status(asio::ip::tcp::socket &socket) {
  char byte = 0;
  co_await asio::async_read(socket, asio::buffer(&byte, 1), asio::use_awaitable);
  co_return byte;
}

asio::awaitable<void> ping(asio::ip::tcp::socket &socket) {
  co_await asio::async_write(socket, asio::buffer("ping", 4), asio::use_awaitable);
}

void on_ping_done(std::exception_ptr) { std::puts("ping done"); }

void start(asio::io_context &io, asio::ip::tcp::socket &socket) {
  asio::co_spawn(io, poll_status(socket), [](std::exception_ptr error, int status) {
    std::printf("status %d\n", status);
  });
  // CHECK-MESSAGES: :[[@LINE-3]]:3: warning: the completion handler passed to 'co_spawn' ignores its std::exception_ptr, and 'poll_status' does not catch its exceptions: if it throws, no code observes the exception [async-unhandled-rejection]
  asio::co_spawn(io, ping(socket), [](std::exception_ptr) {});
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: the completion handler passed to 'co_spawn' ignores its std::exception_ptr, and 'ping' does not catch
  asio::co_spawn(io, ping(socket), [](auto) { std::puts("sent"); });
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: the completion handler passed to 'co_spawn' ignores its std::exception_ptr
  asio::co_spawn(io, ping(socket), on_ping_done);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: the completion handler passed to 'co_spawn' ignores its std::exception_ptr
}

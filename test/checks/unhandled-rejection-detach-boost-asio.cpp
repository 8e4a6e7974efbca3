// RUN: %check_async --fix-notes %s async-unhandled-rejection %t
// Boost.Asio (Boost 1.81 from Debian): the same co_spawn(..., detached),
// spelled boost::asio::. <exception> is included by the fix when the file
// does not declare std::rethrow_exception already (Boost.Asio does).
#include <stdexcept>
#include <boost/asio.hpp>

namespace net = boost::asio;

net::awaitable<void> echo(net::ip::tcp::socket socket) {
  char data[512];
  std::size_t n = co_await socket.async_read_some(net::buffer(data),
                                                  net::use_awaitable);
  co_await net::async_write(socket, net::buffer(data, n), net::use_awaitable);
}

struct Server {
  net::io_context &io;
  net::awaitable<void> heartbeat() {
    net::steady_timer timer(io, std::chrono::seconds(1));
    co_await timer.async_wait(net::use_awaitable);
    if (timer.expiry() < std::chrono::steady_clock::now())
      throw std::runtime_error("late");
  }
  void start(net::ip::tcp::socket socket) {
    net::co_spawn(io, echo(std::move(socket)), net::detached);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'co_spawn' runs 'echo' detached, and 'echo' does not catch its exceptions: if it throws, no code observes the exception [async-unhandled-rejection]
    // CHECK-FIXES: {{^}}    net::co_spawn(io, echo(std::move(socket)), [](std::exception_ptr e) { if (e) std::rethrow_exception(e); });{{$}}
    boost::asio::co_spawn(io.get_executor(), heartbeat(), boost::asio::detached);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'co_spawn' runs 'heartbeat' detached, and 'heartbeat' does not catch its exceptions
    // CHECK-FIXES: {{^}}    boost::asio::co_spawn(io.get_executor(), heartbeat(), [](std::exception_ptr e) { if (e) std::rethrow_exception(e); });{{$}}
  }
};

// RUN: %check_async %s async-unhandled-rejection %t -- %asio_flags
// Negative: detached coroutines whose awaits cannot throw: errors come back
// as values (as_tuple, redirect_error, an acceptor whose default token is
// as_tuple), the executor is asked of the coroutine itself, and a timer's
// wait fails only when its owner cancels it. (Accept loops like these are
// how asio's own examples avoid losing an accept error.)
#include <asio.hpp>
#include <asio/experimental/as_tuple.hpp>
#include <chrono>
#include <iostream>

using asio::ip::tcp;
using default_token = asio::experimental::as_tuple_t<asio::use_awaitable_t<>>;
using tcp_acceptor = default_token::as_default_on_t<tcp::acceptor>;

asio::awaitable<void> accept_with_tuple(tcp::acceptor &acceptor) {
  for (;;) {
    auto [e, socket] =
        co_await acceptor.async_accept(asio::experimental::as_tuple(asio::use_awaitable));
    if (e) {
      std::cerr << "accept: " << e.message() << "\n";
      asio::steady_timer pause(co_await asio::this_coro::executor);
      pause.expires_after(std::chrono::milliseconds(100));
      co_await pause.async_wait(asio::use_awaitable);
    }
  }
}

asio::awaitable<void> accept_with_redirect(tcp::acceptor &acceptor) {
  for (;;) {
    asio::error_code ec;
    tcp::socket socket = co_await acceptor.async_accept(
        asio::redirect_error(asio::use_awaitable, ec));
    if (ec)
      std::cerr << "accept: " << ec.message() << "\n";
  }
}

asio::awaitable<void> accept_with_default() {
  auto executor = co_await asio::this_coro::executor;
  tcp_acceptor acceptor(executor, {tcp::v4(), 55555});
  for (;;) {
    auto [e, socket] = co_await acceptor.async_accept();
    if (e)
      break;
  }
}

void serve(asio::io_context &io, tcp::acceptor &acceptor) {
  asio::co_spawn(io, accept_with_tuple(acceptor), asio::detached);
  asio::co_spawn(io, accept_with_redirect(acceptor), asio::detached);
  asio::co_spawn(io, accept_with_default(), asio::detached);
}

// RUN: %check_async %s async-sequential-await %t -- %asio_flags
// Negative: two asio::async_write on one socket (passed by non-const
// reference) must stay ordered.
#include <asio.hpp>
#include <string>

asio::awaitable<void> send_both(asio::ip::tcp::socket &sock, std::string a,
                                std::string b) {
  co_await asio::async_write(sock, asio::buffer(a), asio::use_awaitable);
  co_await asio::async_write(sock, asio::buffer(b), asio::use_awaitable);
}

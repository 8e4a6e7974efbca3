// RUN: %check_async --fix-notes %s async-sequential-await %t -- %asio_flags
// Negative: an error code shared by two operations keeps them in order
// when code may read it after the later one (the value would then be
// whichever ended last), or when an operation is handed it other than as
// the error slot of a redirection (it may read it first).
#include <asio.hpp>
#include <string>

using asio::ip::tcp;

struct NetToken {
  auto operator[](asio::error_code &ec) const {
    return asio::redirect_error(asio::use_awaitable, ec);
  }
};
inline constexpr NetToken net_token;

void report(const asio::error_code &ec);

// Read right after.
asio::awaitable<void> send_then_report(tcp::socket &left, tcp::socket &right,
                                       const std::string &text) {
  asio::error_code ec;
  co_await asio::async_write(left, asio::buffer(text), net_token[ec]);
  co_await asio::async_write(right, asio::buffer(text), net_token[ec]);
  report(ec);
}

// Returned.
asio::awaitable<asio::error_code> send_and_return(tcp::socket &left,
                                                  tcp::socket &right,
                                                  const std::string &text) {
  asio::error_code ec;
  co_await asio::async_write(left, asio::buffer(text), net_token[ec]);
  co_await asio::async_write(right, asio::buffer(text), net_token[ec]);
  co_return ec;
}

// In a loop that comes back to a read of ec.
asio::awaitable<void> send_rounds(tcp::socket &left, tcp::socket &right,
                                  const std::string &text) {
  asio::error_code ec;
  while (!ec) {
    co_await asio::async_write(left, asio::buffer(text), net_token[ec]);
    co_await asio::async_write(right, asio::buffer(text), net_token[ec]);
  }
}

// Left by a break, and read after the loop.
asio::awaitable<void> send_and_break(tcp::socket &left, tcp::socket &right,
                                     const std::string &text) {
  asio::error_code ec;
  for (;;) {
    co_await asio::async_write(left, asio::buffer(text), net_token[ec]);
    co_await asio::async_write(right, asio::buffer(text), net_token[ec]);
    break;
  }
  report(ec);
}

// A later break, continue or goto may lead to a read.
asio::awaitable<void> send_then_maybe_continue(tcp::socket &left,
                                               tcp::socket &right,
                                               const std::string &text,
                                               bool again) {
  asio::error_code ec;
  for (int round = 0; round < 3; ++round) {
    report(ec);
    if (round == 1) {
      co_await asio::async_write(left, asio::buffer(text), net_token[ec]);
      co_await asio::async_write(right, asio::buffer(text), net_token[ec]);
      if (again)
        continue;
      co_return;
    }
  }
}

// A handler of the try around them reads it.
asio::awaitable<void> send_in_try(tcp::socket &left, tcp::socket &right,
                                  const std::string &text) {
  asio::error_code ec;
  try {
    co_await asio::async_write(left, asio::buffer(text), net_token[ec]);
    co_await asio::async_write(right, asio::buffer(text), net_token[ec]);
  } catch (...) {
    report(ec);
  }
}

// Handed by reference to a coroutine that may read it first.
asio::awaitable<void> send_unless_failed(tcp::socket &socket,
                                         const std::string &text,
                                         asio::error_code &ec);

asio::awaitable<void> send_both_checked(tcp::socket &left, tcp::socket &right,
                                        const std::string &text) {
  asio::error_code ec;
  co_await send_unless_failed(left, text, ec);
  co_await send_unless_failed(right, text, ec);
}

// Read by the operand itself besides the slot.
asio::awaitable<void> send_with_code(tcp::socket &left, tcp::socket &right,
                                     const std::string &text) {
  asio::error_code ec;
  co_await asio::async_write(left, asio::buffer(text), net_token[ec]);
  co_await asio::async_write(right, asio::buffer(ec ? text : std::string()),
                             net_token[ec]);
}

// RUN: %check_async --fix-notes %s async-sequential-await %t -- %asio_flags
// One error code shared by operations that only store their error in it
// (asio's redirect_error, directly or through a project's constant token
// `net_token[ec]`) orders nothing when no code reads it after the later
// one: started together, whichever ends last writes it, and nobody looks.
#include <asio.hpp>
#include <asio/experimental/awaitable_operators.hpp>
#include <string>

using asio::ip::tcp;

struct NetToken {
  auto operator[](asio::error_code &ec) const {
    return asio::redirect_error(asio::use_awaitable, ec);
  }
};
inline constexpr NetToken net_token;

asio::awaitable<void> send_both(tcp::socket &left, tcp::socket &right,
                                const std::string &text) {
  asio::error_code ec;
  co_await asio::async_write(left, asio::buffer(text), net_token[ec]);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 2 independent co_await expressions run one after another; start them together with 'operator&&' (asio awaitable_operators) [async-sequential-await]
  co_await asio::async_write(right, asio::buffer(text), net_token[ec]);
  // CHECK-FIXES: {{^}}  co_await (asio::async_write(left, asio::buffer(text), net_token[ec]) && asio::async_write(right, asio::buffer(text), net_token[ec]));{{$}}
}

// Under ifs, then a return: no fix-it (the awaits are conditional).
asio::awaitable<bool> send_to_open(tcp::socket &left, tcp::socket &right,
                                   const std::string &text) {
  asio::error_code ec;
  if (left.is_open())
    co_await asio::async_write(left, asio::buffer(text),
                               asio::redirect_error(asio::use_awaitable, ec));
  // CHECK-MESSAGES: :[[@LINE-2]]:5: warning: 2 independent co_await expressions run one after another; start them together with 'operator&&' (asio awaitable_operators) [async-sequential-await]
  if (right.is_open())
    co_await asio::async_write(right, asio::buffer(text),
                               asio::redirect_error(asio::use_awaitable, ec));
  co_return true;
}

// In a loop left by a break; the code after the loop does not read ec.
asio::awaitable<void> relay(tcp::socket &left, tcp::socket &right,
                            const std::string &text, int rounds) {
  asio::error_code ec;
  char scratch[16];
  for (int i = 0;; ++i) {
    co_await asio::async_read(left, asio::buffer(scratch), net_token[ec]);
    if (ec || i == rounds) {
      co_await asio::async_write(left, asio::buffer(text), net_token[ec]);
      // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 2 independent co_await expressions run one after another; start them together with 'operator&&' (asio awaitable_operators) [async-sequential-await]
      co_await asio::async_write(right, asio::buffer(text), net_token[ec]);
      // CHECK-FIXES: {{^}}      co_await (asio::async_write(left, asio::buffer(text), net_token[ec]) && asio::async_write(right, asio::buffer(text), net_token[ec]));{{$}}
      break;
    }
  }
  co_return;
}

// RUN: %check_async %s async-sequential-await %t -- %asio_flags
// asio::awaitable: combined with operator&& from awaitable_operators; the
// using-directive (once, after the includes) and the header are added. Compiled against Debian's asio.
#include <asio.hpp>
#include <string>

asio::awaitable<int> fetch_count(int id);
asio::awaitable<std::string> fetch_name(int id);

asio::awaitable<int> load(int id) {
  auto count = co_await fetch_count(id);
  // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: 2 independent co_await expressions run one after another; start them together with 'operator&&' (asio awaitable_operators) [async-sequential-await]
  auto name = co_await fetch_name(id);
  // CHECK-FIXES: #include <asio/experimental/awaitable_operators.hpp>
  // CHECK-FIXES: {{^}}#include <string>{{$}}
  // CHECK-FIXES-EMPTY:
  // CHECK-FIXES-NEXT: {{^}}using namespace asio::experimental::awaitable_operators;{{$}}
  // CHECK-FIXES: {{^}}  auto [count, name] = co_await (fetch_count(id) && fetch_name(id));{{$}}
  co_return count + static_cast<int>(name.size());
}

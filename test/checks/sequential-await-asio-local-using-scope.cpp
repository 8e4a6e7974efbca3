// RUN: %check_async --config="{CheckOptions: {async-sequential-await.OrderingSteps: false}}" %s async-sequential-await %t -- %asio_flags
// A using-directive for asio's awaitable operators in a block that closed
// before the awaits is out of scope there: the fix adds one after the
// includes (sequential-await-asio-local-using.cpp: one in scope).
#include <asio.hpp>
#include <asio/experimental/awaitable_operators.hpp>

// CHECK-FIXES: {{^}}using namespace asio::experimental::awaitable_operators;{{$}}
asio::awaitable<void> fetch_games(int id);
asio::awaitable<void> fetch_players(int id);

asio::awaitable<void> restart(int id) {
  {
    using namespace asio::experimental::awaitable_operators;
    co_await (fetch_games(id) && fetch_players(id));
  }
  co_await fetch_games(id + 1);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 2 independent co_await expressions run one after another; start them together with 'operator&&' (asio awaitable_operators) [async-sequential-await]
  co_await fetch_players(id + 1);
  // CHECK-FIXES: {{^}}  co_await (fetch_games(id + 1) && fetch_players(id + 1));{{$}}
}

// RUN: %check_async --config="{CheckOptions: {async-sequential-await.OrderingSteps: false}}" %s async-sequential-await %t -- %asio_flags
// A using-directive for asio's awaitable operators in the coroutine's own
// body, before the awaits, is reused: the fix adds none at the top of the
// file (sequential-await-asio-local-using-scope.cpp: one out of scope).
#include <asio.hpp>
#include <asio/experimental/awaitable_operators.hpp>

asio::awaitable<void> fetch_games(int id);
asio::awaitable<void> fetch_players(int id);

asio::awaitable<void> shut_down(int id) {
  using namespace asio::experimental::awaitable_operators;
  co_await (fetch_games(id) && fetch_players(id + 1));
  co_await fetch_games(id);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 2 independent co_await expressions run one after another; start them together with 'operator&&' (asio awaitable_operators) [async-sequential-await]
  co_await fetch_players(id);
  // CHECK-FIXES-NOT: {{^}}using namespace
  // CHECK-FIXES: {{^}}  co_await (fetch_games(id) && fetch_players(id));{{$}}
}

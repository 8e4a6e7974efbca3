// RUN: %check_async --fix-notes %s async-sequential-await %t -- %asio_flags
// Statements that each await a combination (asio's awaitable operators) of
// one operation repeated are grouped into one combination; the void results
// stay void. warm_cache is only declared, so the fix is on a note
// (--fix-notes). Compiled against Debian's asio.
#include <asio.hpp>
#include <asio/experimental/awaitable_operators.hpp>

using namespace asio::experimental::awaitable_operators;

asio::awaitable<void> warm_cache(int shard);

asio::awaitable<void> warm_all() {
  co_await (warm_cache(1) && warm_cache(2));
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 2 independent co_await expressions run one after another; start them together with 'operator&&' (asio awaitable_operators) [async-sequential-await]
  co_await (warm_cache(3) && warm_cache(4) && warm_cache(5));
  // CHECK-FIXES: {{^}}  co_await ((warm_cache(1) && warm_cache(2)) && (warm_cache(3) && warm_cache(4) && warm_cache(5)));{{$}}
}

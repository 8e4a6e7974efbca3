// RUN: %check_async --config="{CheckOptions: {async-sequential-await.OrderingSteps: false}}" %s async-sequential-await %t -- %asio_flags
// asio's operator&& drops void results: void && int gives int, so the
// declaration keeps its own form. An existing using-directive is reused.
// (OrderingSteps off: by default the void await, done for its effect, would
// keep its order before a different operation.)
#include <asio.hpp>
#include <asio/experimental/awaitable_operators.hpp>

using namespace asio::experimental::awaitable_operators;

asio::awaitable<void> load_cache(int id);
asio::awaitable<int> fetch_count(int id);

asio::awaitable<int> load(int id) {
  co_await load_cache(id);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 2 independent co_await expressions run one after another; start them together with 'operator&&' (asio awaitable_operators) [async-sequential-await]
  long count = co_await fetch_count(id);
  // CHECK-FIXES-NOT: {{^}}  using namespace
  // CHECK-FIXES: {{^}}  long count = co_await (load_cache(id) && fetch_count(id));{{$}}
  co_return static_cast<int>(count);
}

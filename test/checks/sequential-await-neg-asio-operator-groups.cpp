// RUN: %check_async %s async-sequential-await %t -- %asio_flags
// Combinations (asio's awaitable operators) that are not grouped.
#include <asio.hpp>
#include <asio/experimental/awaitable_operators.hpp>

using namespace asio::experimental::awaitable_operators;

asio::awaitable<void> log_in(int user);
asio::awaitable<void> open_session(int user);
asio::awaitable<void> warm_cache(int shard);
asio::awaitable<int> fetch(int key);

// Different operations combined: each would need its own name and rules
// (a login, then what it unlocks), so the statement is not followed.
asio::awaitable<void> start(int user) {
  co_await (log_in(user) && open_session(user));
  co_await (warm_cache(1) && warm_cache(2));
}

// The second combination uses the first one's results.
asio::awaitable<int> chained() {
  auto [a, b] = co_await (fetch(1) && fetch(2));
  auto [c, d] = co_await (fetch(a) && fetch(b));
  co_return c + d;
}

// A timer inside a combination is a barrier: the order is its purpose.
asio::awaitable<void> paced(asio::steady_timer &timer) {
  co_await (timer.async_wait(asio::use_awaitable) ||
            timer.async_wait(asio::use_awaitable));
  co_await (warm_cache(1) && warm_cache(2));
}

// Another binary operator than && and || is not a combination of tasks.
struct Job {};
asio::awaitable<void> operator+(Job, Job);
asio::awaitable<void> added() {
  co_await (Job{} + Job{});
  co_await (Job{} + Job{});
}

// RUN: %check_async %s async-unhandled-rejection %t
// Negative: a detached task whose body only awaits, in parentheses, a
// coroutine of this file that cannot let an exception out. `co_await (f())`
// is followed into f's body exactly as `co_await f()` is.
#include <coro/coro.hpp>

void count_event() noexcept;

coro::task<void> tick() {
  count_event();
  co_return;
}

coro::task<void> ticks() {
  co_await (tick());
  co_await ((tick()));
}

void start(coro::thread_pool &pool) { pool.spawn_detached(ticks()); }

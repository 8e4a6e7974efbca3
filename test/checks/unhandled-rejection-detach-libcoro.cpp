// RUN: %check_async %s async-unhandled-rejection %t
// libcoro: spawn_detached (v0.16) and spawn (v0.15) run a coro::task<void>
// in the background and ignore its exception; a task that does not catch
// loses it, and so does one whose catch (...) logs and rethrows. A coroutine
// lambda called in place is seen into too. What may throw is an await or a
// throw: ordinary calls (put) are not counted.
#include <coro/coro.hpp>
#include <cstdio>
#include <memory>
#include <stdexcept>

using namespace std::chrono_literals;

struct Cache {
  void put(int key, int value);
  coro::task<void> flush();
};

coro::task<void> warm(std::shared_ptr<coro::scheduler> s, Cache &cache, int key) {
  co_await s->yield_for(10ms);
  if (key < 0)
    throw std::out_of_range("key");
  cache.put(key, key * 2);
}

coro::task<void> evict(Cache &cache, int key) {
  try {
    cache.put(key, 0);
    co_await cache.flush();
  } catch (...) {
    std::fputs("evict failed\n", stderr);
    throw;
  }
  co_return;
}

void warm_all(coro::thread_pool &pool, std::shared_ptr<coro::scheduler> s,
              std::shared_ptr<coro::io_scheduler> io, Cache &cache) {
  pool.spawn_detached(warm(s, cache, 1));
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: 'spawn_detached' runs 'warm' detached, and 'warm' does not catch its exceptions: if it throws, no code observes the exception [async-unhandled-rejection]
  io->spawn(warm(s, cache, 2));
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'spawn' runs 'warm' detached, and 'warm' does not catch its exceptions
  pool.spawn_detached(evict(cache, 4));
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: 'spawn_detached' runs 'evict' detached, and 'evict' does not catch its exceptions
  pool.spawn_detached([](Cache &c) -> coro::task<void> {
    c.put(0, 0);
    co_await c.flush();
  }(cache));
  // CHECK-MESSAGES: :[[@LINE-4]]:8: warning: 'spawn_detached' runs the lambda detached, and the lambda does not catch its exceptions
}

// RUN: %check_async %s async-sequential-await %t
// Negative: async_simple's sleep, Yield, Mutex, Semaphore and Latch
// operations are never grouped, with each other or with the work around
// them, which they separate.
#include <async_simple/coro/Latch.h>
#include <async_simple/coro/Lazy.h>
#include <async_simple/coro/Mutex.h>
#include <async_simple/coro/Semaphore.h>
#include <async_simple/coro/Sleep.h>
#include <chrono>

using namespace async_simple::coro;
using namespace std::chrono_literals;

Lazy<int> fetch_count(int id);

Lazy<int> paced(Mutex &m, CountingSemaphore<2> &sem, Latch &done, int id) {
  co_await sleep(10ms);
  co_await sleep(10ms);
  int a = co_await fetch_count(id);
  co_await Yield{};
  int b = co_await fetch_count(id + 1);
  int c = 0;
  {
    auto lock = co_await m.coScopedLock();
    c = co_await fetch_count(id + 2);
  }
  co_await sem.acquire();
  co_await sem.acquire();
  int d = co_await fetch_count(id + 3);
  co_await sem.release();
  co_await sem.release();
  int e = co_await fetch_count(id + 4);
  co_await done.count_down();
  co_await done.wait();
  int f = co_await fetch_count(id + 5);
  co_return a + b + c + d + e + f;
}

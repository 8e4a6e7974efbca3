// RUN: %check_async %s async-sequential-await %t
// Negative: libcoro's scheduling and synchronisation steps (schedule,
// yield, yield_for, mutex and semaphore operations) are never grouped, with
// each other or with the work around them, which they separate.
#include <coro/coro.hpp>
#include <chrono>

using namespace std::chrono_literals;

coro::task<int> fetch_count(int id);

coro::task<int> paced(coro::scheduler &s, coro::mutex &m,
                      coro::semaphore<2> &sem, int id) {
  co_await s.schedule();
  co_await s.schedule();
  int a = co_await fetch_count(id);
  co_await s.yield_for(10ms);
  co_await s.yield_for(10ms);
  int b = co_await fetch_count(id + 1);
  co_await s.yield();
  int c = co_await fetch_count(id + 2);
  int d = 0;
  {
    auto lock = co_await m.scoped_lock();
    d = co_await fetch_count(id + 3);
  }
  co_await sem.acquire();
  co_await sem.acquire();
  int e = co_await fetch_count(id + 4);
  co_await sem.release();
  co_await sem.release();
  int f = co_await fetch_count(id + 5);
  co_return a + b + c + d + e + f;
}

// RUN: %check_async %s async-sequential-await %t
// Negative: Seastar's sleep, yield, maybe_yield and semaphore operations
// are never grouped, with each other or with the work around them, which
// they separate; nor is work done while holding semaphore units.
#include <seastar/core/coroutine.hh>
#include <seastar/core/future.hh>
#include <seastar/core/semaphore.hh>
#include <seastar/core/sleep.hh>
#include <seastar/coroutine/maybe_yield.hh>
#include <seastar/util/later.hh>
#include <chrono>

using namespace std::chrono_literals;

seastar::future<int> fetch_count(int id);

seastar::future<int> paced(seastar::semaphore &sem, int id) {
  co_await seastar::sleep(10ms);
  co_await seastar::sleep(10ms);
  int a = co_await fetch_count(id);
  co_await seastar::yield();
  co_await seastar::yield();
  int b = co_await fetch_count(id + 1);
  co_await seastar::coroutine::maybe_yield();
  int c = co_await fetch_count(id + 2);
  int d = 0;
  {
    auto units = co_await seastar::get_units(sem, 1);
    d = co_await fetch_count(id + 3);
  }
  co_await seastar::sleep(10ms);
  int e = co_await fetch_count(id + 4);
  co_return a + b + c + d + e;
}

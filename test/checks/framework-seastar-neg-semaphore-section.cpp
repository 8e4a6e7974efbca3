// RUN: %check_async --fix-notes %s async-sequential-await %t
// Negative: co_await sem.wait(1) ... sem.signal(1) is a section: the calls
// inside share the units taken; started together they would run two
// operations under one unit.
#include <seastar/core/coroutine.hh>
#include <seastar/core/future.hh>
#include <seastar/core/semaphore.hh>

seastar::future<int> fetch_count(int id);

seastar::future<int> limited(seastar::semaphore &sem, int id) {
  co_await sem.wait(1);
  int a = co_await fetch_count(id);
  int b = co_await fetch_count(id + 1);
  sem.signal(1);
  co_return a + b;
}

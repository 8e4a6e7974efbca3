// RUN: %check_async %s async-sequential-await %t
// Negative: drogon's sleepCoro, queueInLoopCoro, switchThreadCoro and Mutex
// operations are never grouped, with each other or with the work around
// them, which they separate; nor is work done while the mutex is held.
#include <drogon/utils/coroutine.h>

using namespace drogon;

Task<int> fetch_count(int id);

Task<int> paced(trantor::EventLoop *loop, Mutex &m, int id) {
  co_await sleepCoro(loop, 0.01);
  co_await sleepCoro(loop, 0.01);
  int a = co_await fetch_count(id);
  co_await queueInLoopCoro(loop, [] {});
  co_await queueInLoopCoro(loop, [] {});
  int b = co_await fetch_count(id + 1);
  co_await switchThreadCoro(loop);
  int c = co_await fetch_count(id + 2);
  int d = 0;
  {
    auto lock = co_await m.scoped_lock();
    d = co_await fetch_count(id + 3);
  }
  co_await m.lock();
  int e = co_await fetch_count(id + 4);
  int f = co_await fetch_count(id + 5);
  m.unlock();
  co_return a + b + c + d + e + f;
}

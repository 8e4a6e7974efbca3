// Self-test of the libcoro mock (../coro): runs as libcoro user code would.
#include <coro/coro.hpp>
#include "../mock_loop.hpp"
#include <chrono>
#include <cstdio>
#include <stdexcept>
#include <string>

using namespace std::chrono_literals;

coro::task<int> fetch_count(coro::scheduler &s, int id) {
  co_await s.yield_for(100ms);
  co_return id * 10;
}
coro::task<std::string> fetch_name(coro::scheduler &s, int id) {
  co_await s.schedule();
  co_await s.yield_for(100ms);
  co_return "user" + std::to_string(id);
}
coro::task<void> audit(coro::scheduler &s, std::string *log) {
  co_await s.yield_for(50ms);
  *log += "audited";
}
coro::task<int> broken(coro::scheduler &s) {
  co_await s.yield_for(10ms);
  throw std::runtime_error("broken");
}

coro::task<void> run(coro::scheduler &s) {
  auto t0 = mock_loop::now_ms();
  int count = co_await fetch_count(s, 1);
  std::string name = co_await fetch_name(s, 2);
  std::printf("sequential: %d %s in %.0fms\n", count, name.c_str(), mock_loop::now_ms() - t0);

  t0 = mock_loop::now_ms();
  std::string log;
  auto results = co_await coro::when_all(fetch_count(s, 3), fetch_name(s, 4), audit(s, &log));
  int c = std::get<0>(results).return_value();
  std::string n = std::get<1>(results).return_value();
  coro::detail::void_value v = std::get<2>(results).return_value();
  (void)v;
  std::printf("when_all: %d %s %s in %.0fms\n", c, n.c_str(), log.c_str(), mock_loop::now_ms() - t0);

  std::vector<coro::task<int>> tasks;
  for (int i = 0; i < 3; ++i)
    tasks.emplace_back(fetch_count(s, i));
  int sum = 0;
  auto all = co_await coro::when_all(std::move(tasks)); // a vector<when_all_task<int&&>>
  for (auto &r : all)
    sum += r.return_value();
  std::printf("when_all(vector): sum %d\n", sum);

  coro::mutex m;
  int shared = 0;
  auto bump = [](coro::scheduler &s, coro::mutex &m, int &shared) -> coro::task<void> {
    auto lock = co_await m.scoped_lock();
    int seen = shared;
    co_await s.yield_for(10ms); // holds the lock across a suspension
    shared = seen + 1;
  };
  co_await coro::when_all(bump(s, m, shared), bump(s, m, shared));
  std::printf("mutex: %d\n", shared);

  coro::semaphore<2> sem{2};
  auto r = co_await sem.acquire();
  std::printf("semaphore: %s %td\n", coro::to_string(r).c_str(), sem.value());
  co_await sem.release();

  coro::event ev;
  coro::latch done{1};
  auto waiter = [](coro::event &ev, coro::latch &done) -> coro::task<void> {
    co_await ev;
    done.count_down();
  };
  s.spawn_detached(waiter(ev, done));
  co_await s.yield();
  ev.set();
  co_await done;
  std::printf("event+latch: %s\n", done.is_ready() ? "ready" : "not ready");

  auto failing = co_await coro::when_all(fetch_count(s, 5), broken(s));
  std::printf("first: %d\n", std::get<0>(failing).return_value());
  try {
    std::get<1>(failing).return_value();
  } catch (const std::exception &e) {
    std::printf("second threw: %s\n", e.what());
  }
}

int main() {
  auto s = coro::scheduler::make_unique();
  coro::sync_wait(run(*s));
  int answer = coro::sync_wait(fetch_count(*s, 4));
  std::printf("sync_wait: %d, total %.0fms\n", answer, mock_loop::now_ms());
  try {
    coro::sync_wait(broken(*s));
  } catch (const std::exception &e) {
    std::printf("sync_wait threw: %s\n", e.what());
  }
  return 0;
}

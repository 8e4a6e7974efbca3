// Self-test of the async_simple mock (../async_simple): runs as
// async_simple user code would.
#include <async_simple/coro/Collect.h>
#include <async_simple/coro/ConditionVariable.h>
#include <async_simple/coro/Latch.h>
#include <async_simple/coro/Lazy.h>
#include <async_simple/coro/Mutex.h>
#include <async_simple/coro/Semaphore.h>
#include <async_simple/coro/Sleep.h>
#include <async_simple/coro/SyncAwait.h>
#include <async_simple/executors/SimpleExecutor.h>
#include "../mock_loop.hpp"
#include <chrono>
#include <cstdio>
#include <stdexcept>
#include <string>
#include <tuple>
#include <vector>

using namespace async_simple;
using namespace async_simple::coro;
using namespace std::chrono_literals;

Lazy<int> fetch_count(int id) {
  co_await coro::sleep(100ms);
  co_return id * 10;
}
Lazy<std::string> fetch_name(int id) {
  co_await coro::sleep(100ms);
  co_return "user" + std::to_string(id);
}
Lazy<void> audit(std::string *log) {
  co_await coro::sleep(50ms);
  *log += "audited";
}
Lazy<int> broken() {
  co_await coro::sleep(10ms);
  throw std::runtime_error("broken");
}

Lazy<void> run() {
  auto t0 = mock_loop::now_ms();
  int count = co_await fetch_count(1);
  std::string name = co_await fetch_name(2);
  std::printf("sequential: %d %s in %.0fms\n", count, name.c_str(), mock_loop::now_ms() - t0);

  t0 = mock_loop::now_ms();
  std::string log;
  std::tuple<Try<int>, Try<std::string>, Try<void>> res =
      co_await collectAll(fetch_count(3), fetch_name(4), audit(&log));
  int c = std::get<0>(res).value();
  std::string n = std::get<1>(res).value();
  std::get<2>(res).value();
  std::printf("collectAll: %d %s %s in %.0fms\n", c, n.c_str(), log.c_str(), mock_loop::now_ms() - t0);

  t0 = mock_loop::now_ms();
  auto [a, b] = co_await collectAllPara(fetch_count(5), fetch_count(6));
  std::printf("collectAllPara: %d %d in %.0fms\n", a.value(), b.value(), mock_loop::now_ms() - t0);

  std::vector<Lazy<int>> input;
  for (int i = 0; i < 3; ++i)
    input.push_back(fetch_count(i));
  std::vector<Try<int>> out = co_await collectAll(std::move(input));
  std::printf("collectAll(vector): %zu results, sum %d\n", out.size(),
              out[0].value() + out[1].value() + out[2].value());

  Mutex m;
  int shared = 0;
  auto bump = [](Mutex &m, int &shared) -> Lazy<void> {
    auto lock = co_await m.coScopedLock();
    int seen = shared;
    co_await coro::sleep(10ms);
    shared = seen + 1;
  };
  co_await collectAll(bump(m, shared), bump(m, shared));
  std::printf("mutex: %d\n", shared);

  CountingSemaphore<2> sem(1);
  co_await sem.acquire();
  bool again = co_await sem.try_acquire();
  co_await sem.release();
  std::printf("semaphore: second try_acquire %s\n", again ? "succeeded" : "failed");

  Latch latch(2);
  co_await latch.count_down();
  co_await latch.count_down();
  co_await latch.wait();
  std::printf("latch: %s\n", (co_await latch.try_wait()) ? "done" : "waiting");

  Mutex cvm;
  ConditionVariable<Mutex> cv;
  bool ready = false;
  auto waiter = [](Mutex &cvm, ConditionVariable<Mutex> &cv, bool &ready) -> Lazy<int> {
    co_await cvm.coLock();
    co_await cv.wait(cvm, [&] { return ready; });
    cvm.unlock();
    co_return 7;
  };
  auto setter = [](Mutex &cvm, ConditionVariable<Mutex> &cv, bool &ready) -> Lazy<void> {
    co_await coro::sleep(5ms);
    co_await cvm.coLock();
    ready = true;
    cvm.unlock();
    cv.notify();
  };
  auto [w, s] = co_await collectAll(waiter(cvm, cv, ready), setter(cvm, cv, ready));
  s.value();
  std::printf("condition variable: %d\n", w.value());

  auto [ok, bad] = co_await collectAll(fetch_count(7), broken());
  std::printf("ok: %d, bad has error: %s\n", ok.value(), bad.hasError() ? "yes" : "no");
  try {
    bad.value();
  } catch (const std::exception &e) {
    std::printf("bad.value() threw: %s\n", e.what());
  }
  try {
    co_await broken();
  } catch (const std::exception &e) {
    std::printf("co_await threw: %s\n", e.what());
  }
}

int main() {
  executors::SimpleExecutor ex(4);
  syncAwait(run().via(&ex));
  int answer = syncAwait(fetch_count(4), &ex);
  std::printf("syncAwait: %d, total %.0fms\n", answer, mock_loop::now_ms());

  // Without an executor async_simple's sleep blocks the thread: no overlap.
  auto t0 = mock_loop::now_ms();
  syncAwait(collectAll(fetch_count(1), fetch_count(2)));
  std::printf("collectAll without executor: %.0fms\n", mock_loop::now_ms() - t0);

  bool called = false;
  fetch_name(9).via(&ex).start([&](Try<std::string> r) {
    std::printf("start callback: %s\n", r.value().c_str());
    called = true;
  });
  fetch_count(9).via(&ex).detach();
  mock_loop::run();
  try {
    syncAwait(broken(), &ex);
  } catch (const std::exception &e) {
    std::printf("syncAwait threw: %s\n", e.what());
  }
  return called ? 0 : 1;
}

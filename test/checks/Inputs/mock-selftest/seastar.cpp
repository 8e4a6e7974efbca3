// Self-test of the Seastar mock (../seastar): runs as Seastar user code
// would, in coroutines.
#include <seastar/core/app-template.hh>
#include <seastar/core/coroutine.hh>
#include <seastar/core/future.hh>
#include <seastar/core/gate.hh>
#include <seastar/core/loop.hh>
#include <seastar/core/semaphore.hh>
#include <seastar/core/sleep.hh>
#include <seastar/core/when_all.hh>
#include <seastar/coroutine/all.hh>
#include <seastar/coroutine/maybe_yield.hh>
#include <seastar/util/later.hh>
#include "../mock_loop.hpp"
#include <chrono>
#include <cstdio>
#include <stdexcept>
#include <string>
#include <tuple>
#include <vector>

using namespace std::chrono_literals;
using seastar::future;

future<int> fetch_count(int id) {
  co_await seastar::sleep(100ms);
  co_return id * 10;
}
future<std::string> fetch_name(int id) {
  co_await seastar::sleep(100ms);
  co_return "user" + std::to_string(id);
}
future<> audit(std::string *log) {
  co_await seastar::sleep(50ms);
  *log += "audited";
}
future<int> broken() {
  co_await seastar::sleep(10ms);
  throw std::runtime_error("broken");
}

future<> count_later(int *counter) {
  co_await seastar::sleep(20ms);
  ++*counter;
}

future<> run() {
  auto t0 = mock_loop::now_ms();
  int count = co_await fetch_count(1);
  std::string name = co_await fetch_name(2);
  std::printf("sequential: %d %s in %.0fms\n", count, name.c_str(), mock_loop::now_ms() - t0);

  t0 = mock_loop::now_ms();
  std::string log;
  // when_all_succeed drops the future<> and gives the values in a tuple.
  std::tuple<int, std::string> both =
      co_await seastar::when_all_succeed(fetch_count(3), audit(&log), fetch_name(4));
  auto [c, n] = both;
  std::printf("when_all_succeed: %d %s %s in %.0fms\n", c, n.c_str(), log.c_str(), mock_loop::now_ms() - t0);

  std::tuple<int> one = co_await seastar::when_all_succeed(fetch_count(5), seastar::yield());
  std::printf("when_all_succeed, one value: %d\n", std::get<0>(one));

  t0 = mock_loop::now_ms();
  auto [a, b] = co_await seastar::coroutine::all([] { return fetch_count(6); },
                                                 [&log] { return audit(&log); },
                                                 [] { return fetch_name(7); });
  std::printf("coroutine::all: %d %s in %.0fms\n", a, b.c_str(), mock_loop::now_ms() - t0);

  auto futures = co_await seastar::when_all(fetch_count(8), broken(), audit(&log));
  std::printf("when_all: %d, second failed: %s\n", std::get<0>(futures).get(),
              std::get<1>(futures).failed() ? "yes" : "no");
  std::get<1>(futures).ignore_ready_future();

  std::vector<future<int>> fs;
  for (int i = 0; i < 3; ++i)
    fs.push_back(fetch_count(i));
  std::vector<int> values = co_await seastar::when_all_succeed(std::move(fs));
  std::printf("when_all_succeed(vector): %zu values, last %d\n", values.size(), values.back());

  seastar::semaphore sem(1);
  int shared = 0;
  auto bump = [&]() -> future<> {
    auto units = co_await seastar::get_units(sem, 1);
    int seen = shared;
    co_await seastar::sleep(10ms);
    shared = seen + 1;
  };
  co_await seastar::when_all_succeed(bump(), bump());
  co_await seastar::with_semaphore(sem, 1, [&] { ++shared; });
  std::printf("semaphore: %d\n", shared);

  seastar::gate g;
  int background = 0;
  // Detached work: the future is dropped; the gate waits for it.
  (void)seastar::with_gate(g, [&background] { return count_later(&background); });
  co_await seastar::coroutine::maybe_yield();
  co_await g.close();
  std::printf("gate: background ran %d time(s)\n", background);

  std::vector<int> ids{1, 2, 3};
  int total = 0;
  co_await seastar::parallel_for_each(ids, [&](int id) -> future<> { total += co_await fetch_count(id); });
  std::printf("parallel_for_each: %d\n", total);

  try {
    co_await seastar::when_all_succeed(fetch_count(9), broken());
  } catch (const std::exception &e) {
    std::printf("when_all_succeed threw: %s\n", e.what());
  }
  try {
    co_await seastar::coroutine::all([] { return broken(); }, [] { return fetch_count(1); });
  } catch (const std::exception &e) {
    std::printf("coroutine::all threw: %s\n", e.what());
  }
  auto f = fetch_count(2); // eager: already running
  co_await seastar::sleep(100ms);
  bool ready = f.available();
  std::printf("started early: ready %s, %d\n", ready ? "yes" : "no", co_await std::move(f));
}

int main(int argc, char **argv) {
  seastar::app_template app;
  int rc = app.run(argc, argv, [] { return run(); });
  int answer = fetch_count(4).get();
  std::printf("get: %d, total %.0fms\n", answer, mock_loop::now_ms());
  auto text = fetch_name(3).then([](std::string s) { return s + "!"; }).get();
  std::printf("then: %s\n", text.c_str());
  try {
    broken().get();
  } catch (const std::exception &e) {
    std::printf("get threw: %s\n", e.what());
  }
  return rc;
}

// Self-test of the Boost.Cobalt mock (../boost/cobalt*): runs as Boost.Cobalt
// user code would, from co_main.
#include <boost/cobalt.hpp>
#include <boost/cobalt/io/sleep.hpp>
#include "../mock_loop.hpp"
#include <chrono>
#include <cstdio>
#include <stdexcept>
#include <string>
#include <tuple>
#include <vector>

namespace cobalt = boost::cobalt;
using namespace std::chrono_literals;

cobalt::promise<int> fetch_count(int id) { // eager
  co_await cobalt::io::sleep(100ms);
  co_return id * 10;
}
cobalt::task<std::string> fetch_name(int id) { // lazy
  co_await cobalt::io::sleep(100ms);
  co_return "user" + std::to_string(id);
}
cobalt::promise<void> audit(std::string *log) {
  co_await cobalt::io::sleep(50ms);
  *log += "audited";
}
cobalt::task<int> broken() {
  co_await cobalt::io::sleep(10ms);
  throw std::runtime_error("broken");
}
cobalt::task<int> answer() {
  co_await cobalt::io::sleep(100ms);
  co_return 42;
}

// A promise complete at once, made from a noop without a coroutine.
cobalt::promise<int> cached_answer() { return cobalt::noop(42); }

// cobalt::run from a plain (non-coroutine) function.
int via_run() { return cobalt::run(answer()); }
cobalt::task<std::size_t> race_lvalue();

cobalt::main co_main(int, char *[]) {
  auto t0 = mock_loop::now_ms();
  int count = co_await fetch_count(1);
  std::string name = co_await fetch_name(2);
  std::printf("sequential: %d %s in %.0fms\n", count, name.c_str(), mock_loop::now_ms() - t0);

  t0 = mock_loop::now_ms();
  std::string log;
  auto [c, n, v] = co_await cobalt::join(fetch_count(3), fetch_name(4), audit(&log));
  boost::variant2::monostate m = v;
  (void)m;
  std::printf("join: %d %s %s in %.0fms\n", c, n.c_str(), log.c_str(), mock_loop::now_ms() - t0);

  co_await cobalt::join(audit(&log), audit(&log)); // all void: join gives void

  auto p = fetch_count(5); // already running
  auto [g1, g2, g3] = co_await cobalt::gather(p, broken(), audit(&log));
  std::printf("gather: %d, second failed: %s, third ok: %s\n", g1.value(),
              g2.has_error() ? "yes" : "no", g3.has_value() ? "yes" : "no");
  try {
    g2.value();
  } catch (const std::exception &e) {
    std::printf("gather value() threw: %s\n", e.what());
  }

  std::vector<cobalt::promise<int>> ps;
  for (int i = 0; i < 3; ++i)
    ps.push_back(fetch_count(i));
  std::pmr::vector<int> all = co_await cobalt::join(ps);
  std::printf("join(range): %zu values, last %d\n", all.size(), all.back());

  auto winner = co_await cobalt::left_race(fetch_name(6), cobalt::io::sleep(10ms));
  std::printf("left_race: index %zu\n", winner.index());

  try {
    co_await cobalt::join(fetch_count(7), broken());
  } catch (const std::exception &e) {
    std::printf("join threw: %s\n", e.what());
  }

  +fetch_count(8); // detached
  auto exec = co_await cobalt::this_coro::executor;
  bool spawned = false;
  cobalt::spawn(exec, answer(), [&](std::exception_ptr ep, int value) {
    spawned = !ep && value == 42;
  });
  cobalt::spawn(exec, fetch_name(9), boost::asio::detached);
  co_await cobalt::io::sleep(200ms);
  std::printf("spawn: %s, total %.0fms\n", spawned ? "done" : "not done", mock_loop::now_ms());
  std::printf("race(lvalue promise): index %zu\n", co_await race_lvalue());
  std::printf("run: %d\n", via_run());
  auto cached = cached_answer();
  if (!cached.ready() || co_await std::move(cached) != 42)
    co_return 1;
  std::printf("noop: ready\n");
  co_return 0;
}

// cobalt::run from a plain function (e.g. a test), outside co_main.

cobalt::task<std::size_t> race_lvalue() {
  auto p = fetch_count(1);
  auto w = co_await cobalt::race(p, cobalt::io::sleep(1ms));
  co_return w.index();
}

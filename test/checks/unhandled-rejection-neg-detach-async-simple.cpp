// RUN: %check_async %s async-unhandled-rejection %t
// Negative: async_simple start callbacks that look at the Try (hasError(),
// value() which rethrows inside a try, passing it on), and detach() of a
// Lazy whose body catches everything.
#include <async_simple/coro/Lazy.h>
#include <async_simple/coro/Sleep.h>
#include <async_simple/executors/SimpleExecutor.h>
#include <chrono>
#include <cstdio>
#include <exception>
#include <stdexcept>

using namespace async_simple;
using namespace std::chrono_literals;

coro::Lazy<int> load(int id) {
  co_await coro::sleep(100ms);
  if (id < 0)
    throw std::invalid_argument("negative id");
  co_return id * 2;
}

coro::Lazy<void> cleanup() {
  try {
    co_await coro::sleep(10ms);
    std::puts("cleaned up");
  } catch (...) {
    std::puts("cleanup failed");
  }
}

void log_outcome(Try<int> &&result) {
  if (result.hasError())
    std::puts("load failed");
  else
    std::printf("loaded %d\n", result.value());
}

void run_all() {
  executors::SimpleExecutor ex(1);
  load(-1).via(&ex).start([](Try<int> &&result) {
    if (result.hasError())
      std::puts("load(-1) failed");
  });
  load(2).via(&ex).start([](auto &&result) {
    try {
      std::printf("value %d\n", result.value());
    } catch (const std::exception &e) {
      std::printf("error %s\n", e.what());
    }
  });
  load(3).via(&ex).start([](Try<int> result) { log_outcome(std::move(result)); });
  cleanup().via(&ex).detach();
  mock_loop::run();
}

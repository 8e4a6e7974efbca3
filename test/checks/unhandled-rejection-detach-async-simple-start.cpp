// RUN: %check_async %s async-unhandled-rejection %t
// async_simple: lazy.start(callback) runs the Lazy detached and hands its
// outcome, a Try, to the callback; `[](auto &&) {}` (the library's detach
// idiom) throws it away. No fix: the callback has to decide what to do with
// the exception.
#include <async_simple/coro/Lazy.h>
#include <async_simple/coro/Sleep.h>
#include <async_simple/executors/SimpleExecutor.h>
#include <chrono>
#include <cstdio>
#include <stdexcept>

using namespace async_simple;
using namespace std::chrono_literals;

int stored = 0;

coro::Lazy<int> refresh(int id) {
  co_await coro::sleep(100ms);
  if (id < 0)
    throw std::invalid_argument("negative id");
  stored = id;
  co_return id;
}

coro::Lazy<void> flush() {
  co_await coro::sleep(50ms);
  std::printf("flushed %d\n", stored);
}

void run_all() {
  executors::SimpleExecutor ex(1);
  refresh(7).via(&ex).start([](auto &&) {});
  // CHECK-MESSAGES: :[[@LINE-1]]:23: warning: the callback passed to 'start' ignores the task's Try: if 'refresh' throws, no code observes the exception [async-unhandled-rejection]
  flush().start([](Try<void>) {});
  // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: the callback passed to 'start' ignores the task's Try: if 'flush' throws
  auto lazy = refresh(3);
  lazy.start([](Try<int> &&result) { std::puts("refresh done"); });
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: the callback passed to 'start' ignores the task's Try: if 'refresh' throws
  mock_loop::run();
  std::printf("stored %d\n", stored);
}

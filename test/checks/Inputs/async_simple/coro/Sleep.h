// Mock of async_simple/coro/Sleep.h: co_await sleep(dur) in a Lazy. With an
// executor (the Lazy's, or sleep(ex, dur)) it is a timer and other work
// runs meanwhile; without one, async_simple blocks the thread
// (std::this_thread::sleep_for), which the mock mirrors on virtual time.
#pragma once
#include "../../mock_loop.hpp"
#include "../Executor.h"
#include "Lazy.h"
#include <chrono>
#include <cstdint>

namespace async_simple::coro {
template <typename Rep, typename Period>
Lazy<void> sleep(Executor *ex, std::chrono::duration<Rep, Period> dur, uint64_t schedule_hint) {
  co_await ex->after(std::chrono::duration_cast<Executor::Duration>(dur), schedule_hint);
}
template <typename Rep, typename Period>
Lazy<void> sleep(Executor *ex, std::chrono::duration<Rep, Period> dur) {
  return sleep(ex, dur, static_cast<uint64_t>(Executor::Priority::DEFAULT));
}
template <typename Rep, typename Period>
Lazy<void> sleep(std::chrono::duration<Rep, Period> dur, uint64_t schedule_hint) {
  auto ex = co_await CurrentExecutor();
  if (!ex) {
    mock_loop::block_for(std::chrono::duration_cast<mock_loop::duration>(dur));
    co_return;
  }
  co_return co_await sleep(ex, dur, schedule_hint);
}
template <typename Rep, typename Period> Lazy<void> sleep(std::chrono::duration<Rep, Period> dur) {
  return sleep(dur, static_cast<uint64_t>(Executor::Priority::DEFAULT));
}
} // namespace async_simple::coro

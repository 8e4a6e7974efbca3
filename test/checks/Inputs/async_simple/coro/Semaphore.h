// Mock of async_simple/coro/Semaphore.h: CountingSemaphore<N> s{n};
// co_await s.acquire() / s.release(update) are Lazy<void>,
// co_await s.try_acquire() a Lazy<bool>. BinarySemaphore = <1>.
#pragma once
#include "Lazy.h"
#include <coroutine>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <limits>

namespace async_simple::coro {
template <std::size_t LeastMaxValue = std::numeric_limits<std::uint32_t>::max()>
class CountingSemaphore {
public:
  explicit CountingSemaphore(std::size_t desired) : count_(desired) {}
  CountingSemaphore(const CountingSemaphore &) = delete;
  CountingSemaphore &operator=(const CountingSemaphore &) = delete;
  static constexpr std::size_t max() noexcept { return LeastMaxValue; }

  Lazy<void> acquire() noexcept {
    struct Waiter {
      CountingSemaphore &s;
      bool await_ready() noexcept {
        if (s.count_ == 0)
          return false;
        --s.count_;
        return true;
      }
      void await_suspend(std::coroutine_handle<> h) { s.waiters_.push_back(h); }
      void await_resume() noexcept {}
    };
    co_await Waiter{*this};
  }
  Lazy<void> release(std::size_t update = 1) noexcept {
    while (update-- > 0) {
      if (waiters_.empty()) {
        ++count_;
      } else { // the unit passes to the first waiter
        auto h = waiters_.front();
        waiters_.pop_front();
        h.resume();
      }
    }
    co_return;
  }
  Lazy<bool> try_acquire() noexcept {
    if (count_ == 0)
      co_return false;
    --count_;
    co_return true;
  }

private:
  std::size_t count_;
  std::deque<std::coroutine_handle<>> waiters_;
};
using BinarySemaphore = CountingSemaphore<1>;
} // namespace async_simple::coro

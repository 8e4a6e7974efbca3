// Mock of async_simple/coro/Latch.h: Latch l{n}; co_await l.count_down(),
// co_await l.wait() (Lazy<void>), co_await l.try_wait() (Lazy<bool>),
// co_await l.arrive_and_wait().
#pragma once
#include "Lazy.h"
#include <coroutine>
#include <cstddef>
#include <utility>
#include <vector>

namespace async_simple::coro {
class Latch {
public:
  explicit Latch(std::size_t count) : count_(count) {}
  Latch(const Latch &) = delete;
  Latch &operator=(const Latch &) = delete;

  Lazy<void> count_down(std::size_t update = 1) {
    count_ = update >= count_ ? 0 : count_ - update;
    if (count_ == 0) {
      auto waiters = std::move(waiters_);
      waiters_.clear();
      for (auto h : waiters)
        h.resume();
    }
    co_return;
  }
  Lazy<bool> try_wait() const noexcept { co_return count_ == 0; }
  Lazy<void> wait() const noexcept {
    struct Waiter {
      const Latch &l;
      bool await_ready() const noexcept { return l.count_ == 0; }
      void await_suspend(std::coroutine_handle<> h) { l.waiters_.push_back(h); }
      void await_resume() noexcept {}
    };
    co_await Waiter{*this};
  }
  Lazy<void> arrive_and_wait(std::size_t update = 1) noexcept {
    co_await count_down(update);
    co_await wait();
  }

private:
  std::size_t count_;
  mutable std::vector<std::coroutine_handle<>> waiters_;
};
} // namespace async_simple::coro

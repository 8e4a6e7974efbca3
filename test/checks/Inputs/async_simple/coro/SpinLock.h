// Mock of async_simple/coro/SpinLock.h: co_await l.coLock() (a Lazy<>),
// co_await l.coScopedLock() (Lazy<std::unique_lock<SpinLock>>), lock(),
// unlock(). On the mock's single thread a contended lock waits in line
// instead of spinning.
#pragma once
#include "Lazy.h"
#include <coroutine>
#include <cstdint>
#include <deque>
#include <mutex>
#include <stdexcept>

namespace async_simple::coro {
class SpinLock {
public:
  explicit SpinLock(std::int32_t count = 1024) noexcept { (void)count; }
  bool tryLock() noexcept {
    if (_locked)
      return false;
    _locked = true;
    return true;
  }
  Lazy<> coLock() {
    struct Waiter {
      SpinLock &l;
      bool await_ready() noexcept { return l.tryLock(); }
      void await_suspend(std::coroutine_handle<> h) { l._waiters.push_back(h); }
      void await_resume() noexcept {}
    };
    co_await Waiter{*this};
  }
  void lock() {
    if (!tryLock())
      throw std::logic_error("mock SpinLock: lock() would spin forever on one thread");
  }
  void unlock() noexcept {
    if (_waiters.empty()) {
      _locked = false;
      return;
    }
    auto next = _waiters.front();
    _waiters.pop_front();
    next.resume();
  }
  [[nodiscard]] Lazy<std::unique_lock<SpinLock>> coScopedLock() {
    co_await coLock();
    co_return std::unique_lock<SpinLock>{*this, std::adopt_lock};
  }

private:
  bool _locked = false;
  std::deque<std::coroutine_handle<>> _waiters;
};

class ScopedSpinLock {
public:
  explicit ScopedSpinLock(SpinLock &lock) : _lock(lock) { _lock.lock(); }
  ~ScopedSpinLock() { _lock.unlock(); }

private:
  SpinLock &_lock;
};
} // namespace async_simple::coro

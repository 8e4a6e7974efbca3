// Mock of async_simple/coro/Mutex.h: co_await m.coLock() (void) or
// co_await m.coScopedLock() (std::unique_lock<Mutex>, adopting the lock);
// unlock() hands the lock to the first waiter and resumes it.
#pragma once
#include <coroutine>
#include <deque>
#include <mutex>

namespace async_simple::coro {
class Mutex {
  class LockAwaiter {
  public:
    explicit LockAwaiter(Mutex &mutex) noexcept : _mutex(mutex) {}
    bool await_ready() noexcept { return _mutex.tryLock(); }
    bool await_suspend(std::coroutine_handle<> h) noexcept {
      if (_mutex.tryLock())
        return false;
      _mutex._waiters.push_back(h);
      return true;
    }
    void await_resume() noexcept {}

  protected:
    Mutex &_mutex;
  };
  class ScopedLockAwaiter : public LockAwaiter {
  public:
    using LockAwaiter::LockAwaiter;
    [[nodiscard]] std::unique_lock<Mutex> await_resume() noexcept {
      return std::unique_lock<Mutex>{_mutex, std::adopt_lock};
    }
  };

public:
  Mutex() noexcept = default;
  Mutex(const Mutex &) = delete;
  Mutex &operator=(const Mutex &) = delete;

  bool tryLock() noexcept {
    if (_locked)
      return false;
    _locked = true;
    return true;
  }
  [[nodiscard]] ScopedLockAwaiter coScopedLock() noexcept { return ScopedLockAwaiter(*this); }
  [[nodiscard]] LockAwaiter coLock() noexcept { return LockAwaiter(*this); }
  void unlock() noexcept {
    if (_waiters.empty()) {
      _locked = false;
      return;
    }
    auto next = _waiters.front();
    _waiters.pop_front();
    next.resume();
  }

private:
  bool _locked = false;
  std::deque<std::coroutine_handle<>> _waiters;
};
} // namespace async_simple::coro

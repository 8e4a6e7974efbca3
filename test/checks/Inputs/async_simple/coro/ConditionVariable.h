// Mock of async_simple/coro/ConditionVariable.h: co_await cv.wait(lock, pred)
// (a Lazy<>) releases lock while pred() is false and re-locks it with
// co_await lock.coLock(); notify()/notifyAll()/notifyOne() wake waiters.
#pragma once
#include "Lazy.h"
#include <coroutine>
#include <deque>
#include <utility>

namespace async_simple::coro {
template <class Lock> class ConditionVariable {
public:
  ConditionVariable() noexcept {}
  ConditionVariable(const ConditionVariable &) = delete;
  ConditionVariable &operator=(const ConditionVariable &) = delete;

  void notify() noexcept { notifyAll(); }
  void notifyOne() noexcept {
    if (_waiters.empty())
      return;
    auto h = _waiters.front();
    _waiters.pop_front();
    h.resume();
  }
  void notifyAll() noexcept {
    auto waiters = std::move(_waiters);
    _waiters.clear();
    for (auto h : waiters)
      h.resume();
  }
  template <class Pred> Lazy<> wait(Lock &lock, Pred &&pred) noexcept {
    while (!pred()) {
      struct Awaiter {
        ConditionVariable &cv;
        Lock &lock;
        bool await_ready() noexcept { return false; }
        void await_suspend(std::coroutine_handle<> h) {
          cv._waiters.push_back(h);
          lock.unlock();
        }
        void await_resume() noexcept {}
      };
      co_await Awaiter{*this, lock};
      co_await lock.coLock();
    }
  }

private:
  std::deque<std::coroutine_handle<>> _waiters;
};
} // namespace async_simple::coro

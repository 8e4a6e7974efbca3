// Mock of libcoro's coro/mutex.hpp (jbaldwin/libcoro v0.16):
//   co_await m.lock()         -> void
//   co_await m.scoped_lock()  -> coro::scoped_lock (unlocks when destroyed)
// Waiters get the lock in arrival order; unlock() resumes the next one on
// the unlocking thread.
#pragma once
#include <coroutine>
#include <deque>
#include <type_traits>
#include <utility>

namespace coro {
class mutex;
class scoped_lock;

namespace detail {
struct lock_operation_base {
  explicit lock_operation_base(coro::mutex &m) : m_mutex(m) {}
  lock_operation_base(const lock_operation_base &) = delete;
  bool await_ready() const noexcept;
  bool await_suspend(std::coroutine_handle<> h) noexcept;

protected:
  coro::mutex &m_mutex;
};
template <typename return_type> struct lock_operation : lock_operation_base {
  using lock_operation_base::lock_operation_base;
  return_type await_resume() noexcept {
    if constexpr (!std::is_void_v<return_type>)
      return return_type{m_mutex};
  }
};
} // namespace detail

class scoped_lock {
public:
  enum class lock_strategy { adopt };
  explicit scoped_lock(coro::mutex &m, lock_strategy = lock_strategy::adopt)
      : m_mutex(&m) {}
  ~scoped_lock() { unlock(); }
  scoped_lock(const scoped_lock &) = delete;
  scoped_lock(scoped_lock &&o) noexcept : m_mutex(std::exchange(o.m_mutex, nullptr)) {}
  scoped_lock &operator=(const scoped_lock &) = delete;
  scoped_lock &operator=(scoped_lock &&o) noexcept {
    if (this != &o) {
      unlock();
      m_mutex = std::exchange(o.m_mutex, nullptr);
    }
    return *this;
  }
  void unlock();

private:
  coro::mutex *m_mutex{nullptr};
};

class mutex {
public:
  explicit mutex() noexcept = default;
  mutex(const mutex &) = delete;
  mutex &operator=(const mutex &) = delete;

  [[nodiscard]] detail::lock_operation<coro::scoped_lock> scoped_lock() {
    return detail::lock_operation<coro::scoped_lock>{*this};
  }
  [[nodiscard]] detail::lock_operation<void> lock() {
    return detail::lock_operation<void>{*this};
  }
  [[nodiscard]] bool try_lock() {
    if (m_locked)
      return false;
    m_locked = true;
    return true;
  }
  void unlock() {
    if (m_waiters.empty()) {
      m_locked = false;
      return;
    }
    auto next = m_waiters.front(); // the lock passes to it
    m_waiters.pop_front();
    next.resume();
  }

private:
  friend struct detail::lock_operation_base;
  bool m_locked = false;
  std::deque<std::coroutine_handle<>> m_waiters;
};

inline bool detail::lock_operation_base::await_ready() const noexcept {
  return m_mutex.try_lock();
}
inline bool detail::lock_operation_base::await_suspend(std::coroutine_handle<> h) noexcept {
  if (m_mutex.try_lock())
    return false;
  m_mutex.m_waiters.push_back(h);
  return true;
}
inline void scoped_lock::unlock() {
  if (m_mutex)
    std::exchange(m_mutex, nullptr)->unlock();
}
} // namespace coro

// Mock of libcoro's coro/semaphore.hpp (jbaldwin/libcoro v0.16):
//   coro::semaphore<max> s{start};
//   co_await s.acquire()  -> coro::semaphore_acquire_result (a task)
//   co_await s.release()  -> void (a task)
// Waiters are resumed in arrival order on the releasing thread.
#pragma once
#include "coro/task.hpp"
#include <coroutine>
#include <cstddef>
#include <deque>
#include <string>

namespace coro {
enum class semaphore_acquire_result { acquired, shutdown };

inline const std::string &to_string(semaphore_acquire_result result) {
  static const std::string acquired{"acquired"}, shutdown{"shutdown"};
  return result == semaphore_acquire_result::acquired ? acquired : shutdown;
}

template <std::ptrdiff_t max_value> class semaphore {
public:
  explicit semaphore(const std::ptrdiff_t starting_value) : m_counter(starting_value) {}
  semaphore(const semaphore &) = delete;
  semaphore &operator=(const semaphore &) = delete;

  [[nodiscard]] coro::task<semaphore_acquire_result> acquire() {
    struct acquire_operation {
      semaphore &s;
      bool await_ready() const noexcept { return s.m_shutdown || s.try_acquire(); }
      void await_suspend(std::coroutine_handle<> h) { s.m_waiters.push_back(h); }
      semaphore_acquire_result await_resume() const noexcept {
        return s.m_shutdown ? semaphore_acquire_result::shutdown
                            : semaphore_acquire_result::acquired;
      }
    };
    co_return co_await acquire_operation{*this};
  }
  [[nodiscard]] coro::task<void> release() {
    release_one();
    co_return;
  }
  bool try_acquire() {
    if (m_counter <= 0)
      return false;
    --m_counter;
    return true;
  }
  [[nodiscard]] static constexpr std::ptrdiff_t max() noexcept { return max_value; }
  [[nodiscard]] std::ptrdiff_t value() const noexcept { return m_counter; }
  [[nodiscard]] coro::task<void> shutdown() noexcept {
    m_shutdown = true;
    while (!m_waiters.empty()) {
      auto h = m_waiters.front();
      m_waiters.pop_front();
      h.resume();
    }
    co_return;
  }
  [[nodiscard]] bool is_shutdown() const { return m_shutdown; }

private:
  void release_one() {
    if (!m_waiters.empty()) { // the unit passes straight to the waiter
      auto h = m_waiters.front();
      m_waiters.pop_front();
      h.resume();
    } else if (m_counter < max_value) {
      ++m_counter;
    }
  }
  std::ptrdiff_t m_counter;
  bool m_shutdown = false;
  std::deque<std::coroutine_handle<>> m_waiters;
};
} // namespace coro

// Mock of libcoro's coro/event.hpp (jbaldwin/libcoro v0.16): co_await an
// event suspends until set(); set() resumes the waiters on the setting
// thread (last waiter first by default).
#pragma once
#include <coroutine>
#include <vector>

namespace coro {
enum class resume_order_policy { lifo, fifo };

class event {
public:
  struct awaiter {
    const event &m_event;
    bool await_ready() const noexcept { return m_event.is_set(); }
    bool await_suspend(std::coroutine_handle<> h) noexcept {
      m_event.m_waiters.push_back(h);
      return true;
    }
    void await_resume() noexcept {}
  };

  explicit event(bool initially_set = false) noexcept : m_set(initially_set) {}
  event(const event &) = delete;
  event &operator=(const event &) = delete;

  bool is_set() const noexcept { return m_set; }
  void set(resume_order_policy policy = resume_order_policy::lifo) noexcept {
    if (m_set)
      return;
    m_set = true;
    auto waiters = std::move(m_waiters);
    m_waiters.clear();
    if (policy == resume_order_policy::lifo)
      for (auto it = waiters.rbegin(); it != waiters.rend(); ++it)
        it->resume();
    else
      for (auto h : waiters)
        h.resume();
  }
  awaiter operator co_await() const noexcept { return awaiter{*this}; }
  void reset() noexcept { m_set = false; }

private:
  bool m_set;
  mutable std::vector<std::coroutine_handle<>> m_waiters;
};
} // namespace coro

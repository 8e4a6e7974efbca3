// Mock of libcoro's coro/latch.hpp (jbaldwin/libcoro v0.16): co_await a latch
// suspends until count_down() has brought it to zero.
#pragma once
#include "coro/event.hpp"
#include <cstddef>
#include <cstdint>

namespace coro {
class latch {
public:
  explicit latch(std::int64_t count) noexcept
      : m_count(count), m_event(count <= 0) {}
  latch(const latch &) = delete;
  latch &operator=(const latch &) = delete;

  bool is_ready() const noexcept { return m_event.is_set(); }
  std::size_t remaining() const noexcept {
    return m_count > 0 ? static_cast<std::size_t>(m_count) : 0;
  }
  void count_down(std::int64_t n = 1) noexcept {
    m_count -= n;
    if (m_count <= 0)
      m_event.set();
  }
  event::awaiter operator co_await() const noexcept { return m_event.operator co_await(); }

private:
  std::int64_t m_count;
  event m_event;
};
} // namespace coro

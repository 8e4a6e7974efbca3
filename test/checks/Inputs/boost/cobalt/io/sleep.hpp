// Mock of boost/cobalt/io/sleep.hpp (cobalt's io library, Boost 1.89+):
// co_await cobalt::io::sleep(dur) suspends for dur (on the mock's virtual
// time) and gives void. (Older code sleeps with an asio::steady_timer and
// cobalt::use_op, which the mock does not provide.)
#pragma once
#include "../../../mock_loop.hpp"
#include <chrono>
#include <coroutine>

namespace boost::cobalt::detail::io {
struct steady_sleep final {
  std::chrono::steady_clock::duration du;
  bool await_ready() const noexcept { return du <= std::chrono::steady_clock::duration::zero(); }
  void await_suspend(std::coroutine_handle<> h) {
    mock_loop::after(std::chrono::duration_cast<mock_loop::duration>(du), h);
  }
  void await_resume() noexcept {}
};
} // namespace boost::cobalt::detail::io

namespace boost::cobalt::io {
[[nodiscard]] inline auto sleep(const std::chrono::steady_clock::duration &d) {
  return ::boost::cobalt::detail::io::steady_sleep{d};
}
template <typename Rep, typename Period>
[[nodiscard]] inline auto sleep(const std::chrono::duration<Rep, Period> &dur) {
  return sleep(std::chrono::duration_cast<std::chrono::steady_clock::duration>(dur));
}
} // namespace boost::cobalt::io

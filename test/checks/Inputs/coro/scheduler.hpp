// Mock of libcoro's coro/scheduler.hpp (jbaldwin/libcoro v0.16; called
// io_scheduler before, see coro/io_scheduler.hpp). Besides what thread_pool
// offers: yield_for / schedule_after (a timed sleep, a coro::task<void>) and
// yield_until / schedule_at. The mock's timers run on virtual time; a
// time_point is turned into a delay from coro::clock::now(), rounded to the
// millisecond.
#pragma once
#include "../mock_loop.hpp"
#include "coro/thread_pool.hpp"
#include "coro/time.hpp"
#include <chrono>
#include <functional>
#include <memory>

namespace coro {
enum timeout_status { no_timeout, timeout };

namespace detail {
struct mock_timer_operation {
  std::chrono::nanoseconds m_delay;
  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<> h) { mock_loop::after(m_delay, h); }
  void await_resume() noexcept {}
};
inline std::chrono::nanoseconds mock_delay_until(time_point tp) {
  return std::chrono::round<std::chrono::milliseconds>(tp - clock::now());
}
template <typename derived> class mock_io_executor_base : public mock_executor_base<derived> {
public:
  template <class rep_type, class period_type>
  [[nodiscard]] coro::task<void> schedule_after(std::chrono::duration<rep_type, period_type> amount) {
    co_await mock_timer_operation{std::chrono::duration_cast<std::chrono::nanoseconds>(amount)};
  }
  [[nodiscard]] coro::task<void> schedule_at(time_point time) {
    co_await mock_timer_operation{mock_delay_until(time)};
  }
  template <class rep_type, class period_type>
  [[nodiscard]] coro::task<void> yield_for(std::chrono::duration<rep_type, period_type> amount) {
    co_await mock_timer_operation{std::chrono::duration_cast<std::chrono::nanoseconds>(amount)};
  }
  [[nodiscard]] coro::task<void> yield_until(time_point time) {
    co_await mock_timer_operation{mock_delay_until(time)};
  }
  std::size_t process_events(std::chrono::milliseconds = std::chrono::milliseconds{0}) {
    return 0;
  }
};
} // namespace detail

class scheduler : public detail::mock_io_executor_base<scheduler> {
  struct private_constructor {
    explicit private_constructor() = default;
  };

public:
  class schedule_operation : public detail::mock_schedule_operation {};
  enum class thread_strategy_t { spawn, manual };
  enum class execution_strategy_t { process_tasks_on_thread_pool, process_tasks_inline };
  struct options {
    thread_strategy_t thread_strategy{thread_strategy_t::spawn};
    std::function<void()> on_io_thread_start_functor{nullptr};
    std::function<void()> on_io_thread_stop_functor{nullptr};
    thread_pool::options pool{};
    execution_strategy_t execution_strategy{execution_strategy_t::process_tasks_on_thread_pool};
  };
  explicit scheduler(options &&opts, private_constructor) : m_opts(std::move(opts)) {}
  static std::unique_ptr<scheduler> make_unique(options opts) {
    return std::make_unique<scheduler>(std::move(opts), private_constructor{});
  }
  static std::unique_ptr<scheduler> make_unique() { return make_unique(options{}); }
  scheduler(const scheduler &) = delete;
  scheduler &operator=(const scheduler &) = delete;

private:
  options m_opts;
};
} // namespace coro

// Mock of libcoro's coro/io_scheduler.hpp as of v0.15 (renamed
// coro::scheduler in v0.16): made with io_scheduler::make_shared, detaches
// with spawn(task) (spawn_detached / spawn_joinable are the v0.16 names).
// Timers as in coro/scheduler.hpp.
#pragma once
#include "coro/scheduler.hpp"

namespace coro {
class io_scheduler : public detail::mock_io_executor_base<io_scheduler>,
                     public std::enable_shared_from_this<io_scheduler> {
  struct private_constructor {
    private_constructor() = default;
  };

public:
  class schedule_operation : public detail::mock_schedule_operation {};
  using thread_strategy_t = scheduler::thread_strategy_t;
  using execution_strategy_t = scheduler::execution_strategy_t;
  using options = scheduler::options;
  explicit io_scheduler(options &&opts, private_constructor) : m_opts(std::move(opts)) {}
  static std::shared_ptr<io_scheduler> make_shared(options opts) {
    return std::make_shared<io_scheduler>(std::move(opts), private_constructor{});
  }
  static std::shared_ptr<io_scheduler> make_shared() { return make_shared(options{}); }
  io_scheduler(const io_scheduler &) = delete;
  io_scheduler &operator=(const io_scheduler &) = delete;
  bool spawn(coro::task<void> &&task) { return spawn_detached(std::move(task)); }

private:
  options m_opts;
};
} // namespace coro

// Mock of libcoro's coro/thread_pool.hpp (jbaldwin/libcoro v0.16, plus the
// v0.15 names make_shared and spawn). co_await tp->schedule() (or yield())
// moves the coroutine onto the pool: the mock queues it on the virtual-time
// loop, so it resumes on a later turn. spawn_detached(task) runs a
// coro::task<void> in the background (its exception is ignored);
// spawn_joinable(task) also gives a task<void> to await its end.
#pragma once
#include "../mock_loop.hpp"
#include "coro/detail/task_self_deleting.hpp"
#include "coro/event.hpp"
#include "coro/task.hpp"
#include <coroutine>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <thread>

namespace coro {
namespace detail {
// What thread_pool and scheduler share in the mock.
struct mock_schedule_operation {
  bool await_ready() noexcept { return false; }
  void await_suspend(std::coroutine_handle<> h) noexcept { mock_loop::post(h); }
  void await_resume() noexcept {}
};
template <typename derived> class mock_executor_base {
public:
  /// derived::schedule_operation
  [[nodiscard]] auto schedule() { return typename derived::schedule_operation{}; }
  [[nodiscard]] auto yield() { return typename derived::schedule_operation{}; }
  template <typename return_type>
  [[nodiscard]] coro::task<return_type> schedule(coro::task<return_type> task) {
    co_await schedule();
    if constexpr (std::is_void_v<return_type>)
      co_await task;
    else
      co_return co_await task;
  }
  bool spawn_detached(coro::task<void> &&task) noexcept {
    auto wrapper = make_task_self_deleting(std::move(task));
    ++m_size;
    wrapper.promise().m_on_final = [this] { --m_size; };
    return resume(wrapper.handle());
  }
  coro::task<void> spawn_joinable(coro::task<void> &&task) noexcept {
    auto done = std::make_shared<coro::event>();
    auto wrapper = make_task_self_deleting(std::move(task));
    ++m_size;
    wrapper.promise().m_on_final = [this, done] {
      --m_size;
      done->set();
    };
    resume(wrapper.handle());
    return [](std::shared_ptr<coro::event> ev) -> coro::task<void> { co_await *ev; }(done);
  }
  bool resume(std::coroutine_handle<> handle) noexcept {
    if (handle == nullptr || handle.done())
      return false;
    mock_loop::post(handle);
    return true;
  }
  void shutdown() noexcept { m_shutdown = true; }
  [[nodiscard]] bool is_shutdown() const { return m_shutdown; }
  std::size_t size() const noexcept { return m_size; }
  bool empty() const noexcept { return size() == 0; }

private:
  std::size_t m_size = 0;
  bool m_shutdown = false;
};
} // namespace detail

class thread_pool : public detail::mock_executor_base<thread_pool> {
  struct private_constructor {
    explicit private_constructor() = default;
  };

public:
  class schedule_operation : public detail::mock_schedule_operation {};
  struct options {
    uint32_t thread_count = std::thread::hardware_concurrency();
    std::function<void(std::size_t)> on_thread_start_functor = nullptr;
    std::function<void(std::size_t)> on_thread_stop_functor = nullptr;
  };
  explicit thread_pool(options &&opts, private_constructor) : m_opts(std::move(opts)) {}
  static std::unique_ptr<thread_pool> make_unique(options opts) {
    return std::make_unique<thread_pool>(std::move(opts), private_constructor{});
  }
  static std::unique_ptr<thread_pool> make_unique() { return make_unique(options{}); }
  /// v0.15 name.
  static std::shared_ptr<thread_pool> make_shared(options opts) {
    return std::make_shared<thread_pool>(std::move(opts), private_constructor{});
  }
  static std::shared_ptr<thread_pool> make_shared() { return make_shared(options{}); }
  thread_pool(const thread_pool &) = delete;
  thread_pool &operator=(const thread_pool &) = delete;
  virtual ~thread_pool() = default;

  [[nodiscard]] std::size_t thread_count() const noexcept { return m_opts.thread_count; }
  /// v0.15 name of spawn_detached.
  bool spawn(coro::task<void> &&task) noexcept { return spawn_detached(std::move(task)); }

private:
  options m_opts;
};
} // namespace coro

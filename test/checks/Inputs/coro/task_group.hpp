// Mock of libcoro's coro/task_group.hpp (jbaldwin/libcoro v0.16): start(task)
// runs a coro::task<void> on the executor; co_await the group waits until
// every started task has finished (their exceptions are ignored).
#pragma once
#include "coro/concepts/executor.hpp"
#include "coro/detail/task_self_deleting.hpp"
#include "coro/event.hpp"
#include "coro/task.hpp"
#include <cstddef>
#include <memory>
#include <stdexcept>
#include <utility>

namespace coro {
template <concepts::executor executor_type> class task_group {
public:
  explicit task_group(executor_type *executor) : m_executor(executor) {
    if (executor == nullptr)
      throw std::runtime_error{"task_group cannot have a nullptr executor"};
  }
  explicit task_group(executor_type *executor, coro::task<void> &&task)
      : task_group(executor) {
    (void)start(std::move(task));
  }
  template <typename range_type>
  explicit task_group(executor_type *executor, range_type tasks) : task_group(executor) {
    for (auto &task : tasks)
      (void)start(std::move(task));
  }
  explicit task_group(std::unique_ptr<executor_type> &executor)
      : task_group(executor.get()) {}
  explicit task_group(std::unique_ptr<executor_type> &executor, coro::task<void> &&task)
      : task_group(executor.get(), std::move(task)) {}
  task_group(const task_group &) = delete;
  task_group &operator=(const task_group &) = delete;

  [[nodiscard]] bool start(coro::task<void> &&task) {
    ++m_size;
    m_on_empty.reset();
    auto wrapper = detail::make_task_self_deleting(std::move(task));
    wrapper.promise().m_on_final = [this] {
      if (--m_size == 0)
        m_on_empty.set();
    };
    return m_executor->resume(wrapper.handle());
  }
  [[nodiscard]] std::size_t size() const { return m_size; }
  [[nodiscard]] bool empty() const { return size() == 0; }
  event::awaiter operator co_await() const noexcept { return m_on_empty.operator co_await(); }

private:
  executor_type *m_executor;
  std::size_t m_size = 0;
  event m_on_empty{true};
};
} // namespace coro

// Mock of folly/coro/Task.h (lazy task) for the check tests.
//   Task<T>::scheduleOn(executor) && and co_withExecutor(executor, task) give
//   a TaskWithExecutor<T>; its start(tryCallback) && runs it detached and
//   calls tryCallback(Try<T>&&) when it ends.
#pragma once
#include "../../mock_task.hpp"
#include "../Executor.h"
#include "../Try.h"
#include <utility>

namespace folly {
struct Unit {};
namespace coro {
template <typename T = void> class TaskWithExecutor;

template <typename T = void>
class [[nodiscard]] Task : public mock_detail::lazy_awaitable<T> {
public:
  using promise_type = mock_detail::lazy_promise<Task, T>;
  TaskWithExecutor<T> scheduleOn(Executor::KeepAlive<> executor) && noexcept {
    return TaskWithExecutor<T>(std::move(*this), std::move(executor));
  }
};

template <typename T>
class [[nodiscard]] TaskWithExecutor : public mock_detail::lazy_awaitable<T> {
public:
  using promise_type = mock_detail::lazy_promise<TaskWithExecutor, T>;
  TaskWithExecutor() = default;
  TaskWithExecutor(Task<T> task, Executor::KeepAlive<> executor)
      : task_(std::move(task)), executor_(executor.get()) {}
  template <typename F> void start(F &&tryCallback) && {
    (void)task_, (void)executor_;
    std::forward<F>(tryCallback)(Try<T>());
  }

private:
  Task<T> task_;
  Executor *executor_ = nullptr;
};

template <typename T>
TaskWithExecutor<T> co_withExecutor(Executor::KeepAlive<> executor, Task<T> task) {
  return std::move(task).scheduleOn(std::move(executor));
}
} // namespace coro
} // namespace folly

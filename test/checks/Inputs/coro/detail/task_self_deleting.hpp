// Mock of libcoro's coro/detail/task_self_deleting.hpp: the wrapper behind
// spawn_detached / task_group::start. It frees itself when done and ignores
// the task's exception, as libcoro does.
#pragma once
#include "../../mock_loop.hpp"
#include "coro/task.hpp"
#include <coroutine>

namespace coro::detail {
struct task_self_deleting {
  struct promise_type {
    mock_loop::work m_on_final;
    promise_type() noexcept = default;
    task_self_deleting get_return_object() noexcept {
      return {std::coroutine_handle<promise_type>::from_promise(*this)};
    }
    std::suspend_always initial_suspend() noexcept { return {}; }
    std::suspend_never final_suspend() noexcept {
      if (m_on_final)
        m_on_final();
      return {};
    }
    void return_void() noexcept {}
    void unhandled_exception() noexcept {}
  };
  std::coroutine_handle<promise_type> m_handle;
  std::coroutine_handle<promise_type> handle() const noexcept { return m_handle; }
  promise_type &promise() const noexcept { return m_handle.promise(); }
};

inline task_self_deleting make_task_self_deleting(coro::task<void> user_task) {
  co_await user_task;
}
} // namespace coro::detail

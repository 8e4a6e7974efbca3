// A custom task type for the option tests: mylib::Job<T> (eager) and its
// combinator mylib::join_all, declared in <jobs_join.hpp>.
#pragma once
#include <coroutine>
#include <type_traits>

namespace mylib {
template <typename T> struct JobResult {
  template <typename U> void return_value(U &&) noexcept {}
};
template <> struct JobResult<void> {
  void return_void() noexcept {}
};
template <typename T> class Job {
public:
  struct promise_type : JobResult<T> {
    Job get_return_object() noexcept { return {}; }
    std::suspend_never initial_suspend() noexcept { return {}; }
    std::suspend_never final_suspend() noexcept { return {}; }
    void unhandled_exception() noexcept {}
  };
  bool await_ready() const noexcept { return true; }
  void await_suspend(std::coroutine_handle<>) noexcept {}
  T await_resume() {
    if constexpr (!std::is_void_v<T>)
      return T{};
  }
};
} // namespace mylib

// A minimal lazy task for the cppcoro/folly mocks: it parses and type-checks
// like the real thing (initial_suspend returns std::suspend_always), and is
// only compiled with -fsyntax-only by the tests.
#pragma once
#include <coroutine>
#include <type_traits>

namespace mock_detail {
template <typename T> struct promise_result {
  template <typename U> void return_value(U &&) noexcept {}
};
template <> struct promise_result<void> {
  void return_void() noexcept {}
};

template <typename Task, typename T> struct lazy_promise : promise_result<T> {
  Task get_return_object() noexcept { return Task{}; }
  std::suspend_always initial_suspend() noexcept { return {}; }
  std::suspend_always final_suspend() noexcept { return {}; }
  void unhandled_exception() noexcept {}
};

template <typename T> struct lazy_awaitable {
  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<>) noexcept {}
  T await_resume() {
    if constexpr (!std::is_void_v<T>)
      return T{};
  }
};
} // namespace mock_detail

// Mock of async_simple/coro/DetachedCoroutine.h: the eager, self-destroying
// coroutine behind Lazy::start; ReadyAwaiter gives a value without suspending.
#pragma once
#include <coroutine>
#include <cstdio>
#include <exception>
#include <utility>

namespace async_simple::coro {
namespace detail {
struct DetachedCoroutine {
  struct promise_type {
    std::suspend_never initial_suspend() noexcept { return {}; }
    std::suspend_never final_suspend() noexcept { return {}; }
    void return_void() noexcept {}
    void unhandled_exception() {
      try {
        std::rethrow_exception(std::current_exception());
      } catch (const std::exception &e) {
        std::fprintf(stderr, "find exception %s\n", e.what());
        std::fflush(stderr);
        throw;
      }
    }
    DetachedCoroutine get_return_object() noexcept { return {}; }
  };
};
} // namespace detail

template <typename T> struct ReadyAwaiter {
  ReadyAwaiter(T value) : _value(std::move(value)) {}
  bool await_ready() const noexcept { return true; }
  void await_suspend(std::coroutine_handle<>) const noexcept {}
  T await_resume() noexcept { return std::move(_value); }
  T _value;
};
} // namespace async_simple::coro

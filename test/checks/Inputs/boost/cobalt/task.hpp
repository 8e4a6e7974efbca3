// Mock of boost/cobalt/task.hpp (boostorg/cobalt), runnable.
// cobalt::task<T> is lazy: it starts when awaited (co_await gives T or
// rethrows), spawned (cobalt::spawn) or run (cobalt::run). Its
// initial_suspend returns a custom awaitable whose await_ready() is false,
// not std::suspend_always.
#pragma once
#include "detail/mock.hpp"
#include <coroutine>
#include <exception>
#include <optional>
#include <type_traits>
#include <utility>

namespace boost::cobalt {
template <typename Return> struct task;

namespace detail {
template <typename T> struct task_return {
  std::optional<T> value;
  template <typename V>
    requires std::is_convertible_v<V &&, T>
  void return_value(V &&v) {
    value.emplace(std::forward<V>(v));
  }
  T take() { return std::move(*value); }
};
template <> struct task_return<void> {
  void return_void() noexcept {}
  void take() noexcept {}
};

template <typename Return> struct task_promise : promise_base, task_return<Return> {
  std::coroutine_handle<> awaited_from;
  std::exception_ptr error;
  bool started = false, done = false;

  task<Return> get_return_object();
  struct initial_awaitable {
    task_promise *promise;
    bool await_ready() const noexcept { return false; }
    void await_suspend(std::coroutine_handle<>) {}
    void await_resume() { promise->started = true; }
  };
  auto initial_suspend() noexcept { return initial_awaitable{this}; }
  auto final_suspend() noexcept {
    struct final_awaitable {
      task_promise *promise;
      bool await_ready() const noexcept { return false; }
      std::coroutine_handle<> await_suspend(std::coroutine_handle<task_promise>) noexcept {
        promise->done = true;
        return promise->awaited_from ? promise->awaited_from : std::noop_coroutine();
      }
      void await_resume() noexcept {}
    };
    return final_awaitable{this};
  }
  void unhandled_exception() { error = std::current_exception(); }
  Return result() {
    if (error)
      std::rethrow_exception(error);
    return this->take();
  }
};
} // namespace detail

template <typename Return> struct [[nodiscard]] task {
  task(task &&lhs) noexcept : h_(std::exchange(lhs.h_, nullptr)) {}
  task &operator=(task &&lhs) noexcept {
    if (this != &lhs) {
      if (h_)
        h_.destroy();
      h_ = std::exchange(lhs.h_, nullptr);
    }
    return *this;
  }
  task(const task &) = delete;
  task &operator=(const task &) = delete;
  ~task() {
    if (h_)
      h_.destroy();
  }

  auto operator co_await() {
    struct awaitable {
      std::coroutine_handle<detail::task_promise<Return>> h;
      bool await_ready() const noexcept { return h.promise().done; }
      std::coroutine_handle<> await_suspend(std::coroutine_handle<> c) noexcept {
        h.promise().awaited_from = c;
        return h;
      }
      Return await_resume() { return h.promise().result(); }
    };
    return awaitable{h_};
  }

  using promise_type = detail::task_promise<Return>;

private:
  template <typename> friend struct detail::task_promise;
  explicit task(std::coroutine_handle<promise_type> h) : h_(h) {}
  std::coroutine_handle<promise_type> h_;
};

template <typename Return> inline task<Return> detail::task_promise<Return>::get_return_object() {
  return task<Return>{std::coroutine_handle<task_promise>::from_promise(*this)};
}
} // namespace boost::cobalt

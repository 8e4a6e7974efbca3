// Mock of seastar/core/coroutine.hh (scylladb/seastar), runnable: makes
// future<T> a coroutine return type through a std::coroutine_traits
// specialisation (initial_suspend and final_suspend return
// std::suspend_never: the coroutine runs at its call, eagerly), and gives
// operator co_await(future<T>&&): only rvalue futures can be awaited
// ("co_await std::move(f)"); it gives T (void for future<>) or rethrows.
#pragma once
#include "future.hh"
#include <coroutine>
#include <exception>
#include <functional>
#include <type_traits>
#include <utility>

namespace seastar {
namespace coroutine {
/// co_return coroutine::exception(eptr) fails the coroutine's future.
struct exception {
  std::exception_ptr eptr;
  explicit exception(std::exception_ptr e) noexcept : eptr(std::move(e)) {}
};
} // namespace coroutine

namespace internal {
template <typename T = void> class coroutine_traits_base {
public:
  class promise_type final {
    seastar::promise<T> _promise;

  public:
    promise_type() = default;
    promise_type(promise_type &&) = delete;
    template <typename U>
      requires std::is_convertible_v<U &&, T>
    void return_value(U &&value) noexcept {
      _promise.set_value(std::forward<U>(value));
    }
    void return_value(coroutine::exception ce) noexcept { _promise.set_exception(std::move(ce.eptr)); }
    void unhandled_exception() noexcept { _promise.set_exception(std::current_exception()); }
    seastar::future<T> get_return_object() noexcept { return _promise.get_future(); }
    std::suspend_never initial_suspend() noexcept { return {}; }
    std::suspend_never final_suspend() noexcept { return {}; }
  };
};
template <> class coroutine_traits_base<> {
public:
  class promise_type final {
    seastar::promise<> _promise;

  public:
    promise_type() = default;
    promise_type(promise_type &&) = delete;
    void return_void() noexcept { _promise.set_value(); }
    void unhandled_exception() noexcept { _promise.set_exception(std::current_exception()); }
    seastar::future<> get_return_object() noexcept { return _promise.get_future(); }
    std::suspend_never initial_suspend() noexcept { return {}; }
    std::suspend_never final_suspend() noexcept { return {}; }
  };
};

template <bool CheckPreempt, typename T> struct awaiter {
  seastar::future<T> _future;
  explicit awaiter(seastar::future<T> &&f) noexcept : _future(std::move(f)) {}
  awaiter(const awaiter &) = delete;
  awaiter(awaiter &&) = delete;
  bool await_ready() const noexcept { return _future.available(); }
  void await_suspend(std::coroutine_handle<> h) noexcept {
    _future.on_available([h] { h.resume(); });
  }
  T await_resume() {
    if constexpr (std::is_void_v<T>)
      _future.get();
    else
      return std::move(_future.get());
  }
};

template <typename T>
struct [[nodiscard]] without_preemption_check : public seastar::future<T> {
  explicit without_preemption_check(seastar::future<T> &&f) noexcept
      : seastar::future<T>(std::move(f)) {}
};
} // namespace internal

template <typename T> auto operator co_await(future<T> &&f) noexcept {
  return internal::awaiter<true, T>(std::move(f));
}
template <typename T> auto operator co_await(internal::without_preemption_check<T> f) noexcept {
  return internal::awaiter<false, T>(std::move(f));
}

namespace coroutine {
template <typename T> inline auto without_preemption_check(seastar::future<T> &&f) noexcept {
  return internal::without_preemption_check<T>(std::move(f));
}
/// Keeps a coroutine lambda alive while it runs (seastar::coroutine::lambda).
template <typename Func> class lambda {
  Func *_func;

public:
  explicit lambda(Func &&func) : _func(&func) {}
  template <typename... Args> decltype(auto) operator()(Args &&...args) const {
    return std::invoke(*_func, std::forward<Args>(args)...);
  }
};
} // namespace coroutine
} // namespace seastar

namespace std {
template <typename T, typename... Args>
class coroutine_traits<seastar::future<T>, Args...>
    : public seastar::internal::coroutine_traits_base<T> {};
} // namespace std

// Mock of boost/cobalt/noop.hpp (boostorg/cobalt), runnable.
// cobalt::noop<T> holds a value and is an awaitable that is ready at once
// (await_ready is constexpr and true); promise and generator can be made
// from one without running a coroutine.
#pragma once
#include <coroutine>
#include <type_traits>
#include <utility>

namespace boost::cobalt {

template <typename T = void> struct noop {
  template <typename... Args>
  constexpr noop(Args &&...args) noexcept(std::is_nothrow_constructible_v<T, Args &&...>)
      : value(std::forward<Args>(args)...) {}
  T value;

  constexpr static bool await_ready() { return true; }
  template <typename P> constexpr static void await_suspend(std::coroutine_handle<P>) {}
  constexpr T await_resume() { return std::move(value); }
};

template <> struct noop<void> {
  constexpr static bool await_ready() { return true; }
  template <typename P> constexpr static void await_suspend(std::coroutine_handle<P>) {}
  constexpr static void await_resume() {}
};

template <typename T> noop(T &&) -> noop<T>;
template <typename T> noop(const T &) -> noop<T>;
noop() -> noop<void>;

} // namespace boost::cobalt

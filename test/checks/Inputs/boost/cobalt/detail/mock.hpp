// Internals of the runnable Boost.Cobalt mock: the await_transform every
// cobalt coroutine has (this_coro::executor), the result-type helpers
// (co_await_result_t, void_as_monostate) and `fork`, the eager coroutine
// the combinators run each operand in.
#pragma once
#include "../../../mock_loop.hpp"
#include "../config.hpp"
#include "../this_coro.hpp"
#include <boost/variant2/variant.hpp>
#include <coroutine>
#include <exception>
#include <type_traits>
#include <utility>

namespace boost::cobalt::detail {
template <typename T> auto get_awaiter(T &&t) {
  if constexpr (requires { std::forward<T>(t).operator co_await(); })
    return std::forward<T>(t).operator co_await();
  else if constexpr (requires { operator co_await(std::forward<T>(t)); })
    return operator co_await(std::forward<T>(t));
  else
    return std::forward<T>(t);
}
template <typename T>
using co_await_result_t = decltype(get_awaiter(std::declval<T>()).await_resume());
template <typename T>
using void_as_monostate = std::conditional_t<std::is_void_v<T>, variant2::monostate, T>;

struct ready_executor {
  bool await_ready() const noexcept { return true; }
  void await_suspend(std::coroutine_handle<>) const noexcept {}
  executor await_resume() const noexcept { return executor{}; }
};

struct promise_base {
  template <typename A> A &&await_transform(A &&a) noexcept { return std::forward<A>(a); }
  ready_executor await_transform(const asio::this_coro::executor_t &) noexcept { return {}; }
  executor get_executor() const { return {}; }
};

/// Eager fire-and-forget coroutine: fork(f, args...) runs until its first
/// suspension and frees itself at the end.
struct fork {
  struct promise_type : promise_base {
    fork get_return_object() noexcept { return {}; }
    std::suspend_never initial_suspend() noexcept { return {}; }
    std::suspend_never final_suspend() noexcept { return {}; }
    void return_void() noexcept {}
    void unhandled_exception() { std::terminate(); }
  };
};

/// Awaits aw, then calls done(std::exception_ptr) after storing the value
/// with store(value) (store() for void).
template <typename Aw, typename Store, typename Done>
fork await_into(Aw &&aw, Store store, Done done) {
  std::exception_ptr ep;
  try {
    if constexpr (std::is_void_v<co_await_result_t<Aw>>) {
      co_await std::forward<Aw>(aw);
      store();
    } else {
      store(co_await std::forward<Aw>(aw));
    }
  } catch (...) {
    ep = std::current_exception();
  }
  done(ep);
}
} // namespace boost::cobalt::detail

// Mock of libcoro's coro/concepts/awaitable.hpp (jbaldwin/libcoro v0.16):
// awaiter_return_type is what co_await gives, e.g. int&& for a task<int>
// rvalue, and it is what when_all and sync_wait are typed on.
#pragma once
#include <concepts>
#include <coroutine>
#include <type_traits>
#include <utility>

namespace coro::concepts {
template <typename type, typename... types>
concept in_types = (std::same_as<type, types> || ...);

template <typename type>
concept awaiter = requires(type t, std::coroutine_handle<> c) {
  { t.await_ready() } -> std::same_as<bool>;
  { t.await_suspend(c) } -> in_types<void, bool, std::coroutine_handle<>>;
  { t.await_resume() };
};
template <typename type>
concept member_co_await_awaitable = requires(type t) {
  { t.operator co_await() } -> awaiter;
};
template <typename type>
concept global_co_await_awaitable = requires(type t) {
  { operator co_await(t) } -> awaiter;
};
template <typename type>
concept awaitable = member_co_await_awaitable<type> ||
                    global_co_await_awaitable<type> || awaiter<type>;

template <awaitable A> static auto get_awaiter(A &&value) {
  if constexpr (member_co_await_awaitable<A>)
    return std::forward<A>(value).operator co_await();
  else if constexpr (global_co_await_awaitable<A>)
    return operator co_await(std::forward<A>(value));
  else
    return std::forward<A>(value);
}

template <awaitable A, typename = void> struct awaitable_traits {};
template <awaitable A> struct awaitable_traits<A> {
  using awaiter_type = decltype(get_awaiter(std::declval<A>()));
  using awaiter_return_type =
      decltype(std::declval<awaiter_type>().await_resume());
};
} // namespace coro::concepts

// Mock of boost/cobalt/race.hpp (boostorg/cobalt), runnable.
//   co_await cobalt::race(a, b, ...) / left_race(a, b, ...)
//     -> boost::variant2::variant<R...> (void as variant2::monostate; the
//        index tells who won), or std::size_t when every operand is void;
//        rethrows when the first to finish threw.
//   co_await race(range) / left_race(range)
//     -> std::pair<std::size_t, R>, or std::size_t for void.
// The first operand to finish wins. Boost.Cobalt starts the operands in a
// random order (left_race: left to right) and interrupts the losers; the
// mock starts them left to right and lets the losers finish unobserved
// (it takes rvalue operands over so that they outlive the race).
#pragma once
#include "detail/mock.hpp"
#include <boost/variant2/variant.hpp>
#include <cstddef>
#include <exception>
#include <memory>
#include <optional>
#include <random>
#include <tuple>
#include <type_traits>
#include <utility>
#include <vector>

namespace boost::cobalt {
namespace detail {
struct left_race_tag {};

/// Takes an rvalue operand over (shared), points at an lvalue one.
template <typename A, typename X> auto own(X &x) {
  if constexpr (std::is_lvalue_reference_v<A>)
    return std::shared_ptr<std::remove_reference_t<A>>(std::shared_ptr<void>(), &x);
  else
    return std::make_shared<std::decay_t<A>>(std::move(x));
}
template <typename A>
using owned_ref = std::conditional_t<std::is_lvalue_reference_v<A>, A, std::decay_t<A> &&>;

template <typename Result> struct race_state {
  std::optional<Result> result;
  std::exception_ptr error;
  bool finished = false;
  std::coroutine_handle<> awaiting;
  std::size_t pending = 0;
  template <typename Set> void win(Set set, std::exception_ptr ep) {
    if (finished)
      return;
    finished = true;
    if (ep)
      error = ep;
    else
      set(*this);
    if (awaiting)
      std::exchange(awaiting, nullptr).resume();
  }
};

template <typename... Args> struct race_variadic_impl {
  template <typename G>
  explicit race_variadic_impl(G &&, Args &&...a) : args{std::forward<Args>(a)...} {}
  std::tuple<Args...> args;
  static constexpr bool all_void = (std::is_void_v<co_await_result_t<Args>> && ...);
  using result_type = std::conditional_t<
      all_void, std::size_t, variant2::variant<void_as_monostate<co_await_result_t<Args>>...>>;

  struct awaitable {
    std::tuple<Args...> &args;
    std::shared_ptr<race_state<result_type>> st = std::make_shared<race_state<result_type>>();
    bool await_ready() const noexcept { return false; }
    bool await_suspend(std::coroutine_handle<> h) {
      [&]<std::size_t... I>(std::index_sequence<I...>) {
        (start<I>(), ...);
      }(std::index_sequence_for<Args...>{});
      if (st->finished)
        return false;
      st->awaiting = h;
      return true;
    }
    template <std::size_t I> void start() {
      if (st->finished)
        return;
      using A = std::tuple_element_t<I, std::tuple<Args...>>;
      auto value = std::make_shared<std::optional<void_as_monostate<co_await_result_t<A>>>>();
      // A loser runs on after the race object is gone: own the operand.
      auto owned = own<A>(std::get<I>(args));
      await_into(static_cast<owned_ref<A>>(*owned),
                 [value](auto &&...v) { value->emplace(std::forward<decltype(v)>(v)...); },
                 [st = st, value, owned](std::exception_ptr ep) {
                   st->win([&](auto &s) {
                     if constexpr (all_void)
                       s.result.emplace(I);
                     else
                       s.result.emplace(variant2::in_place_index_t<I>(), std::move(**value));
                   }, ep);
                 });
    }
    result_type await_resume() {
      if (st->error)
        std::rethrow_exception(st->error);
      return std::move(*st->result);
    }
  };
  awaitable operator co_await() && { return awaitable{args}; }
};

template <typename Range> struct race_ranged_impl {
  Range aws;
  using value_type = co_await_result_t<std::decay_t<decltype(*std::begin(std::declval<Range>()))>>;
  using result_type = std::conditional_t<std::is_void_v<value_type>, std::size_t,
                                         std::pair<std::size_t, void_as_monostate<value_type>>>;
  struct awaitable {
    Range &aws;
    std::shared_ptr<race_state<result_type>> st = std::make_shared<race_state<result_type>>();
    bool await_ready() const noexcept { return false; }
    bool await_suspend(std::coroutine_handle<> h) {
      std::size_t i = 0;
      for (auto &aw : aws) {
        if (st->finished)
          break;
        auto value = std::make_shared<std::optional<void_as_monostate<value_type>>>();
        auto owned = std::make_shared<std::decay_t<decltype(aw)>>(std::move(aw));
        await_into(std::move(*owned), [value](auto &&...v) { value->emplace(std::forward<decltype(v)>(v)...); },
                   [st = st, value, i, owned](std::exception_ptr ep) {
                     st->win([&](auto &s) {
                       if constexpr (std::is_void_v<value_type>)
                         s.result.emplace(i);
                       else
                         s.result.emplace(i, std::move(**value));
                     }, ep);
                   });
        ++i;
      }
      if (st->finished)
        return false;
      st->awaiting = h;
      return true;
    }
    result_type await_resume() {
      if (st->error)
        std::rethrow_exception(st->error);
      return std::move(*st->result);
    }
  };
  awaitable operator co_await() && { return awaitable{aws}; }
};
} // namespace detail

template <typename... Promise> auto race(Promise &&...p) {
  return detail::race_variadic_impl<Promise...>(std::default_random_engine{},
                                                static_cast<Promise &&>(p)...);
}
template <typename PromiseRange>
  requires requires(PromiseRange &r) { std::begin(r)->operator co_await(); }
auto race(PromiseRange &&p) {
  return detail::race_ranged_impl<PromiseRange>{static_cast<PromiseRange &&>(p)};
}
template <typename... Promise> auto left_race(Promise &&...p) {
  return detail::race_variadic_impl<Promise...>(detail::left_race_tag{},
                                                static_cast<Promise &&>(p)...);
}
template <typename PromiseRange>
  requires requires(PromiseRange &r) { std::begin(r)->operator co_await(); }
auto left_race(PromiseRange &&p) {
  return detail::race_ranged_impl<PromiseRange>{static_cast<PromiseRange &&>(p)};
}
} // namespace boost::cobalt

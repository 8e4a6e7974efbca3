// Mock of boost/cobalt/gather.hpp (boostorg/cobalt), runnable.
//   co_await cobalt::gather(a, b, ...)
//     -> std::tuple<boost::system::result<R, std::exception_ptr>...>
//        (R = each operand's co_await result, void included:
//        result<void, std::exception_ptr>)
//   co_await cobalt::gather(range)
//     -> pmr::vector<boost::system::result<R, std::exception_ptr>>
// Never throws: each result holds the value or that operand's exception
// (r.has_value(), r.value() rethrows, r.error()).
#pragma once
#include "detail/mock.hpp"
#include "join.hpp"
#include <boost/system/result.hpp>
#include <cstddef>
#include <exception>
#include <optional>
#include <tuple>
#include <type_traits>
#include <utility>
#include <vector>

namespace boost::cobalt {
namespace detail {
template <typename T> using gather_result = system::result<T, std::exception_ptr>;

template <typename T> struct gather_slot {
  std::optional<gather_result<T>> r;
  template <typename... V> void set(V &&...v) { r.emplace(system::in_place_value, std::forward<V>(v)...); }
  void fail(std::exception_ptr ep) { r.emplace(system::in_place_error, ep); }
};

template <typename... Args> struct gather_variadic_impl {
  explicit gather_variadic_impl(Args &&...a) : args{std::forward<Args>(a)...} {}
  std::tuple<Args...> args;

  struct awaitable {
    std::tuple<Args...> &args;
    std::tuple<gather_slot<co_await_result_t<Args>>...> slots;
    join_counter counter{sizeof...(Args) + 1, {}, {}};

    bool await_ready() const noexcept { return false; }
    bool await_suspend(std::coroutine_handle<> h) {
      counter.awaiting = h;
      [&]<std::size_t... I>(std::index_sequence<I...>) {
        (start<I>(), ...);
      }(std::index_sequence_for<Args...>{});
      return --counter.count > 0;
    }
    template <std::size_t I> void start() {
      using A = std::tuple_element_t<I, std::tuple<Args...>>;
      auto &slot = std::get<I>(slots);
      await_into(static_cast<A &&>(std::get<I>(args)),
                 [&slot](auto &&...v) { slot.set(std::forward<decltype(v)>(v)...); },
                 [this, &slot](std::exception_ptr ep) {
                   if (ep)
                     slot.fail(ep);
                   counter.arrive(nullptr);
                 });
    }
    std::tuple<gather_result<co_await_result_t<Args>>...> await_resume() {
      return std::apply([](auto &...s) { return std::make_tuple(std::move(*s.r)...); }, slots);
    }
  };
  awaitable operator co_await() && { return awaitable{args, {}}; }
};

template <typename Range> struct gather_ranged_impl {
  Range aws;
  using result_type = co_await_result_t<std::decay_t<decltype(*std::begin(std::declval<Range>()))>>;
  struct awaitable {
    Range &aws;
    std::vector<gather_slot<result_type>> slots{};
    join_counter counter{1, {}, {}};
    bool await_ready() const noexcept { return std::size(aws) == 0; }
    bool await_suspend(std::coroutine_handle<> h) {
      counter.awaiting = h;
      slots.resize(std::size(aws));
      std::size_t i = 0;
      for (auto &aw : aws) {
        ++counter.count;
        auto &slot = slots[i++];
        await_into(std::move(aw), [&slot](auto &&...v) { slot.set(std::forward<decltype(v)>(v)...); },
                   [this, &slot](std::exception_ptr ep) {
                     if (ep)
                       slot.fail(ep);
                     counter.arrive(nullptr);
                   });
      }
      return --counter.count > 0;
    }
    pmr::vector<gather_result<result_type>> await_resume() {
      pmr::vector<gather_result<result_type>> res;
      for (auto &s : slots)
        res.push_back(std::move(*s.r));
      return res;
    }
  };
  awaitable operator co_await() && { return awaitable{aws}; }
};
} // namespace detail

template <typename... Promise> auto gather(Promise &&...p) {
  return detail::gather_variadic_impl<Promise...>(static_cast<Promise &&>(p)...);
}
template <typename PromiseRange>
  requires requires(PromiseRange &r) { std::begin(r)->operator co_await(); }
auto gather(PromiseRange &&p) {
  return detail::gather_ranged_impl<PromiseRange>{static_cast<PromiseRange &&>(p)};
}
} // namespace boost::cobalt

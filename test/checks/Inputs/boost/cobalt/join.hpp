// Mock of boost/cobalt/join.hpp (boostorg/cobalt), runnable.
//   co_await cobalt::join(a, b, ...)  (the result of join is awaited as an rvalue)
//     -> std::tuple<R...>, R = each operand's co_await result with void
//        replaced by boost::variant2::monostate; void when every operand
//        is void.
//   co_await cobalt::join(range) -> pmr::vector<R> (void for void operands)
// All operands start at once (tasks started, promises awaited); when one
// throws, join rethrows the first exception once all are done. (Boost.Cobalt
// also cancels the others; the mock lets them finish.) Operands are taken
// by forwarding reference: lvalue promises are awaited in place.
#pragma once
#include "detail/mock.hpp"
#include <cstddef>
#include <exception>
#include <optional>
#include <tuple>
#include <type_traits>
#include <utility>
#include <vector>

namespace boost::cobalt {
namespace detail {
struct join_counter {
  std::size_t count;
  std::coroutine_handle<> awaiting;
  std::exception_ptr error;
  void arrive(std::exception_ptr ep) {
    if (ep && !error)
      error = ep;
    if (--count == 0)
      awaiting.resume();
  }
};

template <typename... Args> struct join_variadic_impl {
  explicit join_variadic_impl(Args &&...a) : args{std::forward<Args>(a)...} {}
  std::tuple<Args...> args;
  static constexpr bool all_void = (std::is_void_v<co_await_result_t<Args>> && ...);

  struct awaitable {
    std::tuple<Args...> &args;
    std::tuple<std::optional<void_as_monostate<co_await_result_t<Args>>>...> result;
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
      auto &slot = std::get<I>(result);
      await_into(static_cast<A &&>(std::get<I>(args)),
                 [&slot](auto &&...v) { slot.emplace(std::forward<decltype(v)>(v)...); },
                 [this](std::exception_ptr ep) { counter.arrive(ep); });
    }
    auto await_resume() {
      if (counter.error)
        std::rethrow_exception(counter.error);
      if constexpr (!all_void)
        return std::apply(
            [](auto &...r) { return std::tuple<void_as_monostate<co_await_result_t<Args>>...>(std::move(*r)...); },
            result);
    }
  };
  awaitable operator co_await() && { return awaitable{args, {}}; }
};

template <typename Range> struct join_ranged_impl {
  Range aws;
  using result_type = co_await_result_t<std::decay_t<decltype(*std::begin(std::declval<Range>()))>>;
  struct awaitable {
    Range &aws;
    std::vector<std::optional<void_as_monostate<result_type>>> result{};
    join_counter counter{1, {}, {}};
    bool await_ready() const noexcept { return std::size(aws) == 0; }
    bool await_suspend(std::coroutine_handle<> h) {
      counter.awaiting = h;
      result.resize(std::size(aws));
      std::size_t i = 0;
      for (auto &aw : aws) {
        ++counter.count;
        auto &slot = result[i++];
        await_into(std::move(aw), [&slot](auto &&...v) { slot.emplace(std::forward<decltype(v)>(v)...); },
                   [this](std::exception_ptr ep) { counter.arrive(ep); });
      }
      return --counter.count > 0;
    }
    auto await_resume() {
      if (counter.error)
        std::rethrow_exception(counter.error);
      if constexpr (!std::is_void_v<result_type>) {
        pmr::vector<result_type> rr;
        rr.reserve(result.size());
        for (auto &t : result)
          rr.push_back(std::move(*t));
        return rr;
      }
    }
  };
  awaitable operator co_await() && { return awaitable{aws}; }
};
} // namespace detail

template <typename... Promise> auto join(Promise &&...p) {
  return detail::join_variadic_impl<Promise...>(static_cast<Promise &&>(p)...);
}
template <typename PromiseRange>
  requires requires(PromiseRange &r) { std::begin(r)->operator co_await(); }
auto join(PromiseRange &&p) {
  return detail::join_ranged_impl<PromiseRange>{static_cast<PromiseRange &&>(p)};
}
} // namespace boost::cobalt

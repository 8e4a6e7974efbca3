// Mock of seastar/core/when_all.hh (scylladb/seastar), runnable. Each
// argument is a future or a function returning one (called at once).
//   when_all(f1, f2, ...)          -> future<std::tuple<future<T1>, future<T2>, ...>>
//       never fails; look at each future (get(), failed(), get_exception()).
//   when_all_succeed(f1, f2, ...)  -> future<std::tuple<V...>>, V = the T of
//       each non-void future in order (future<> operands are dropped; one
//       non-void operand still gives a 1-tuple, all void gives
//       future<std::tuple<>>); fails with one of the failures, after all
//       are done. Unpack with co_await + structured bindings or then_unpack.
//   when_all(begin, end)           -> future<std::vector<Future>>
//   when_all_succeed(begin, end) / (std::vector<future<T>>&&)
//       -> future<std::vector<T>>, future<> for future<> elements.
#pragma once
#include "future.hh"
#include <concepts>
#include <cstddef>
#include <exception>
#include <iterator>
#include <memory>
#include <tuple>
#include <type_traits>
#include <utility>
#include <vector>

namespace seastar {
namespace internal {
template <typename X> auto futurize_invoke_if_func(X &&x) noexcept {
  if constexpr (is_future<std::remove_cvref_t<X>>::value)
    return std::move(x);
  else
    return futurize_invoke(std::forward<X>(x));
}

/// Resolves when every future of the tuple or vector is available.
template <typename Container> future<Container> when_all_of(Container c) {
  struct shared {
    Container c;
    std::size_t remaining = 1;
    promise<Container> pr;
    explicit shared(Container container) : c(std::move(container)) {}
    void arrive() {
      if (--remaining == 0)
        pr.set_value(std::move(c));
    }
  };
  auto s = std::make_shared<shared>(std::move(c));
  auto f = s->pr.get_future();
  auto each = [&s](auto &fut) {
    ++s->remaining;
    fut.on_available([s] { s->arrive(); });
  };
  if constexpr (requires { std::tuple_size<Container>::value; })
    std::apply([&](auto &...futs) { (each(futs), ...); }, s->c);
  else
    for (auto &fut : s->c)
      each(fut);
  s->arrive();
  return f;
}

template <typename Fut>
using value_tuple_t = std::conditional_t<std::is_same_v<Fut, future<>>, std::tuple<>,
                                         std::tuple<typename Fut::value_type>>;
template <typename... Futs>
using succeed_tuple_t = decltype(std::tuple_cat(std::declval<value_tuple_t<Futs>>()...));

template <typename Fut> value_tuple_t<Fut> value_of(Fut &f) {
  if constexpr (std::is_same_v<Fut, future<>>)
    return {};
  else
    return value_tuple_t<Fut>(std::move(f.get()));
}
} // namespace internal

template <typename... FutOrFuncs>
inline auto when_all(FutOrFuncs &&...fut_or_funcs) noexcept {
  return internal::when_all_of(
      std::make_tuple(internal::futurize_invoke_if_func(std::forward<FutOrFuncs>(fut_or_funcs))...));
}

template <typename FutureIterator>
  requires requires(FutureIterator i) { requires is_future<std::remove_reference_t<decltype(*i)>>::value; }
inline future<std::vector<typename std::iterator_traits<FutureIterator>::value_type>>
when_all(FutureIterator begin, FutureIterator end) noexcept {
  std::vector<typename std::iterator_traits<FutureIterator>::value_type> v;
  for (; begin != end; ++begin)
    v.push_back(std::move(*begin));
  return internal::when_all_of(std::move(v));
}

template <typename... FutOrFuncs>
inline auto when_all_succeed(FutOrFuncs &&...fut_or_funcs) noexcept {
  using result = internal::succeed_tuple_t<
      decltype(internal::futurize_invoke_if_func(std::forward<FutOrFuncs>(fut_or_funcs)))...>;
  return when_all(std::forward<FutOrFuncs>(fut_or_funcs)...).then([](auto futures) {
    std::exception_ptr error;
    std::apply([&](auto &...f) { ((f.failed() && !error ? (void)(error = f.get_exception())
                                                        : f.ignore_ready_future()),
                                  ...); },
               futures);
    if (error)
      return make_exception_future<result>(error);
    return std::apply([](auto &...f) { return make_ready_future<result>(std::tuple_cat(internal::value_of(f)...)); },
                      futures);
  });
}

template <typename T> inline auto when_all_succeed(std::vector<future<T>> &&futures) noexcept {
  return internal::when_all_of(std::move(futures)).then([](std::vector<future<T>> v) {
    std::exception_ptr error;
    for (auto &f : v)
      if (f.failed() && !error)
        error = f.get_exception();
      else
        f.ignore_ready_future();
    if constexpr (std::is_void_v<T>) {
      return error ? make_exception_future<>(error) : make_ready_future<>();
    } else {
      if (error)
        return make_exception_future<std::vector<T>>(error);
      std::vector<T> values;
      for (auto &f : v)
        values.push_back(std::move(f.get()));
      return make_ready_future<std::vector<T>>(std::move(values));
    }
  });
}

template <typename FutureIterator, typename Sentinel>
  requires requires(FutureIterator i) { requires is_future<std::remove_reference_t<decltype(*i)>>::value; }
inline auto when_all_succeed(FutureIterator begin, Sentinel end) noexcept {
  std::vector<typename std::iterator_traits<FutureIterator>::value_type> v;
  for (; begin != end; ++begin)
    v.push_back(std::move(*begin));
  return when_all_succeed(std::move(v));
}
} // namespace seastar

// Mock of folly/coro/Collect.h: collectAll(tasks...) gives a tuple of the
// results, void results as folly::Unit; collectAllTry(tasks...) never throws
// and gives a tuple of folly::Try, whose value() returns the value or
// rethrows the exception.
#pragma once
#include "Task.h"
#include <tuple>

namespace folly {
template <typename T> class Try {
public:
  T value() &&;
};
template <> class Try<void> {
public:
  void value() &&;
};
} // namespace folly

namespace folly::coro {
namespace detail {
template <typename T> struct lift_unit { using type = T; };
template <> struct lift_unit<void> { using type = folly::Unit; };
} // namespace detail

template <typename... T>
Task<std::tuple<typename detail::lift_unit<T>::type...>>
collectAll(Task<T>... tasks);

template <typename... T>
Task<std::tuple<folly::Try<T>...>> collectAllTry(Task<T>... tasks);
} // namespace folly::coro

// Mock of folly/coro/Collect.h: collectAll(tasks...) gives a tuple of the
// results, void results as folly::Unit.
#pragma once
#include "Task.h"
#include <tuple>

namespace folly::coro {
namespace detail {
template <typename T> struct lift_unit { using type = T; };
template <> struct lift_unit<void> { using type = folly::Unit; };
} // namespace detail

template <typename... T>
Task<std::tuple<typename detail::lift_unit<T>::type...>>
collectAll(Task<T>... tasks);
} // namespace folly::coro

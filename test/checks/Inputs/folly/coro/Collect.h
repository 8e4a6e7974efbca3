// Mock of folly/coro/Collect.h: collectAll(tasks...) gives a tuple of the
// results, void results as folly::Unit; collectAllTry(tasks...) never throws
// and gives a tuple of folly::Try (Try<void> for a void task), whose value()
// returns the value or rethrows the exception. collectAllRange(range of
// Task<T>) gives std::vector<T> (Task<void> for void tasks),
// collectAllTryRange std::vector<Try<T>>. Syntax-only mock.
#pragma once
#include "../Try.h"
#include "Task.h"
#include <tuple>
#include <vector>

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

template <typename T> Task<std::vector<T>> collectAllRange(std::vector<Task<T>> tasks);
Task<void> collectAllRange(std::vector<Task<void>> tasks);
template <typename T>
Task<std::vector<folly::Try<T>>> collectAllTryRange(std::vector<Task<T>> tasks);
} // namespace folly::coro

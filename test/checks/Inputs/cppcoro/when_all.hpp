// Mock of cppcoro/when_all.hpp: co_await when_all(tasks...) gives a tuple of
// the results, void results as cppcoro::detail::void_value; co_await
// when_all(std::vector<task<T>>) gives std::vector<T>, and nothing for
// std::vector<task<>>. It rethrows an operand's exception. (cppcoro returns
// an awaitable, not a task: same co_await result. Syntax-only mock.)
#pragma once
#include "task.hpp"
#include <tuple>
#include <vector>

namespace cppcoro {
namespace detail {
struct void_value {};
template <typename T> struct value_or_void { using type = T; };
template <> struct value_or_void<void> { using type = void_value; };
} // namespace detail

template <typename... T>
task<std::tuple<typename detail::value_or_void<T>::type...>>
when_all(task<T>... tasks);

template <typename T> task<std::vector<T>> when_all(std::vector<task<T>> tasks);
task<> when_all(std::vector<task<>> tasks);
} // namespace cppcoro

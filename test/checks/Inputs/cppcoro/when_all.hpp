// Mock of cppcoro/when_all.hpp: co_await when_all(tasks...) gives a tuple of
// the results, void results as cppcoro::detail::void_value.
#pragma once
#include "task.hpp"
#include <tuple>

namespace cppcoro {
namespace detail {
struct void_value {};
template <typename T> struct value_or_void { using type = T; };
template <> struct value_or_void<void> { using type = void_value; };
} // namespace detail

template <typename... T>
task<std::tuple<typename detail::value_or_void<T>::type...>>
when_all(task<T>... tasks);
} // namespace cppcoro

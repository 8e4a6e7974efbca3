// Mock of cppcoro/when_all_ready.hpp: co_await when_all_ready(tasks...) never
// throws; it gives a tuple of finished tasks whose result() returns the value
// or rethrows the exception (std::vector of them for when_all_ready(vector)).
// Syntax-only mock.
#pragma once
#include "task.hpp"
#include <tuple>
#include <vector>

namespace cppcoro {
namespace detail {
template <typename T> class when_all_task {
public:
  T &result() &;
  T result() &&;
};
template <> class when_all_task<void> {
public:
  void result() &;
  void result() &&;
};
} // namespace detail

template <typename... T>
task<std::tuple<detail::when_all_task<T>...>> when_all_ready(task<T>... tasks);

template <typename T>
task<std::vector<detail::when_all_task<T>>> when_all_ready(std::vector<task<T>> tasks);
} // namespace cppcoro

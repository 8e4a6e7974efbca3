// Mock of the parallel_for_each part of seastar/core/loop.hh:
// parallel_for_each(range, func) / (begin, end, func) calls func on every
// element at once (each returns a future) -> future<> that resolves when all
// are done, failing with one of the failures.
#pragma once
#include "future.hh"
#include "when_all.hh"
#include <iterator>
#include <ranges>
#include <utility>
#include <vector>

namespace seastar {
template <typename Iterator, typename Sentinel, typename Func>
inline future<> parallel_for_each(Iterator begin, Sentinel end, Func &&func) noexcept {
  std::vector<future<>> futures;
  for (; begin != end; ++begin)
    futures.push_back(futurize_invoke(func, *begin).discard_result());
  return when_all_succeed(std::move(futures));
}
template <typename Range, typename Func>
inline future<> parallel_for_each(Range &&range, Func &&func) noexcept {
  return parallel_for_each(std::ranges::begin(range), std::ranges::end(range), std::forward<Func>(func));
}
} // namespace seastar

// Mock of async_simple/coro/SyncAwait.h: syncAwait(lazy) blocks until the
// Lazy (or RescheduleLazy) ends and returns its value (T, by value) or
// rethrows; syncAwait(lazy, &ex) runs it via the executor. The mock drives
// the virtual-time loop instead of blocking.
#pragma once
#include "../../mock_loop.hpp"
#include "../Try.h"
#include "Lazy.h"
#include <type_traits>
#include <utility>

namespace async_simple::coro {
template <typename LazyType> inline auto syncAwait(LazyType &&lazy) {
  using ValueType = typename std::decay_t<LazyType>::ValueType;
  Try<ValueType> value;
  bool done = false;
  std::move(std::forward<LazyType>(lazy)).start([&](Try<ValueType> result) {
    value = std::move(result);
    done = true;
  });
  mock_loop::run_until([&] { return done; });
  return std::move(value).value();
}
template <typename LazyType> inline auto syncAwait(LazyType &&lazy, Executor *ex) {
  return syncAwait(std::move(std::forward<LazyType>(lazy)).via(ex));
}
} // namespace async_simple::coro

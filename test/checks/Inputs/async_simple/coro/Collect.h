// Mock of async_simple/coro/Collect.h (alibaba/async_simple), runnable.
//   co_await collectAll(Lazy<T1>, Lazy<T2>, ...)
//       -> std::tuple<Try<T1>, Try<T2>, ...>     (Try<void> for a void Lazy)
//   co_await collectAll(std::vector<Lazy<T>>&&) -> std::vector<Try<T>>
// It never throws: each Try holds the value or that operand's exception;
// users unpack with std::get<I>(res).value() (which rethrows) or hasError().
// collectAll starts the operands one after another on the current thread
// (a suspended one lets the next start); collectAllPara schedules each on
// the awaiting Lazy's executor (inline when it has none). Operands without
// an executor get the awaiting Lazy's. Same result types for both.
#pragma once
#include "../Signal.h"
#include "../Try.h"
#include "Lazy.h"
#include <coroutine>
#include <cstddef>
#include <memory>
#include <tuple>
#include <utility>
#include <vector>

namespace async_simple::coro {
namespace detail {
struct CollectAccess {
  template <typename LazyT> static Executor *&executor(LazyT &lazy) {
    return lazy._coro.promise()._executor;
  }
};
template <bool Para, typename LazyT, typename Result>
void startCollected(Executor *parent, LazyT &lazy, Result &result, std::size_t &count,
                    std::coroutine_handle<> &continuation) {
  Executor *&exec = CollectAccess::executor(lazy);
  if (exec == nullptr)
    exec = parent;
  auto run = [&lazy, &result, &count, &continuation] {
    std::move(lazy).start([&result, &count, &continuation](auto &&res) {
      result = std::move(res);
      if (--count == 0)
        continuation.resume();
    });
  };
  if (Para && exec != nullptr)
    exec->schedule(run);
  else
    run();
}

template <bool Para, template <typename> typename LazyType, typename... Ts>
struct CollectAllVariadicAwaiter {
  std::tuple<LazyType<Ts>...> _inputs;
  std::tuple<Try<Ts>...> _results;
  std::size_t _count = sizeof...(Ts) + 1;
  std::coroutine_handle<> _continuation;

  explicit CollectAllVariadicAwaiter(LazyType<Ts> &&...inputs) : _inputs(std::move(inputs)...) {}
  bool await_ready() const noexcept { return false; }
  template <typename PromiseType>
  bool await_suspend(std::coroutine_handle<PromiseType> continuation) {
    _continuation = continuation;
    Executor *parent = continuation.promise()._executor;
    [&]<std::size_t... I>(std::index_sequence<I...>) {
      (startCollected<Para && (sizeof...(Ts) > 1)>(parent, std::get<I>(_inputs),
                                                    std::get<I>(_results), _count,
                                                    _continuation),
       ...);
    }(std::index_sequence_for<Ts...>{});
    return --_count > 0;
  }
  std::tuple<Try<Ts>...> await_resume() { return std::move(_results); }
};

template <bool Para, typename LazyT, typename T, typename OAlloc> struct CollectAllAwaiter {
  std::vector<LazyT> _inputs;
  std::vector<Try<T>, OAlloc> _results;
  std::size_t _count;
  std::coroutine_handle<> _continuation;

  CollectAllAwaiter(std::vector<LazyT> &&inputs, OAlloc alloc)
      : _inputs(std::move(inputs)), _results(alloc), _count(_inputs.size() + 1) {
    _results.resize(_inputs.size());
  }
  bool await_ready() const noexcept { return _inputs.empty(); }
  template <typename PromiseType>
  bool await_suspend(std::coroutine_handle<PromiseType> continuation) {
    _continuation = continuation;
    Executor *parent = continuation.promise()._executor;
    for (std::size_t i = 0; i < _inputs.size(); ++i)
      startCollected<Para>(parent, _inputs[i], _results[i], _count, _continuation);
    return --_count > 0;
  }
  std::vector<Try<T>, OAlloc> await_resume() { return std::move(_results); }
};
} // namespace detail

template <SignalType SignalType = SignalType::None, template <typename> typename LazyType,
          typename... Ts>
inline Lazy<std::tuple<Try<typename LazyType<Ts>::ValueType>...>> collectAll(LazyType<Ts>... inputs) {
  static_assert(sizeof...(Ts), "collectAll need at least one param!");
  co_return co_await detail::CollectAllVariadicAwaiter<false, LazyType, Ts...>(std::move(inputs)...);
}

template <SignalType SignalType = SignalType::None, template <typename> typename LazyType,
          typename... Ts>
inline Lazy<std::tuple<Try<typename LazyType<Ts>::ValueType>...>>
collectAllPara(LazyType<Ts>... inputs) {
  static_assert(sizeof...(Ts), "collectAllPara need at least one param!");
  co_return co_await detail::CollectAllVariadicAwaiter<true, LazyType, Ts...>(std::move(inputs)...);
}

template <SignalType SignalType = SignalType::None, typename T,
          template <typename> typename LazyType, typename IAlloc = std::allocator<LazyType<T>>,
          typename OAlloc = std::allocator<Try<T>>>
inline Lazy<std::vector<Try<typename LazyType<T>::ValueType>, OAlloc>>
collectAll(std::vector<LazyType<T>, IAlloc> &&input, OAlloc out_alloc = OAlloc()) {
  std::vector<LazyType<T>> in(std::make_move_iterator(input.begin()),
                              std::make_move_iterator(input.end()));
  co_return co_await detail::CollectAllAwaiter<false, LazyType<T>, T, OAlloc>(std::move(in),
                                                                              out_alloc);
}

template <SignalType SignalType = SignalType::None, typename T,
          template <typename> typename LazyType, typename IAlloc = std::allocator<LazyType<T>>,
          typename OAlloc = std::allocator<Try<T>>>
inline Lazy<std::vector<Try<typename LazyType<T>::ValueType>, OAlloc>>
collectAllPara(std::vector<LazyType<T>, IAlloc> &&input, OAlloc out_alloc = OAlloc()) {
  std::vector<LazyType<T>> in(std::make_move_iterator(input.begin()),
                              std::make_move_iterator(input.end()));
  co_return co_await detail::CollectAllAwaiter<true, LazyType<T>, T, OAlloc>(std::move(in),
                                                                             out_alloc);
}
} // namespace async_simple::coro

// Mock of seastar/coroutine/all.hh (scylladb/seastar), runnable:
//   auto [a, b] = co_await seastar::coroutine::all(
//       [] { return f(); }, [] { return g(); });
// takes functions returning futures (called at once) and gives
// std::tuple<V...> of the non-void results in order (future<> operands are
// dropped); if any failed it throws one of the exceptions, after all are
// done.
#pragma once
#include "../core/coroutine.hh"
#include "../core/future.hh"
#include "../core/when_all.hh"
#include <concepts>
#include <coroutine>
#include <exception>
#include <functional>
#include <optional>
#include <tuple>
#include <type_traits>
#include <utility>

namespace seastar::coroutine {
template <typename Future> constexpr inline bool is_future_v = is_future<Future>::value;
template <typename Future>
concept future_type = is_future_v<Future>;

template <typename... Futures>
  requires(sizeof...(Futures) > 0)
class [[nodiscard("must co_await an all() object")]] all {
  using tuple = std::tuple<Futures...>;
  using value_tuple = seastar::internal::succeed_tuple_t<Futures...>;
  tuple _futures;

  struct awaiter {
    all &state;
    std::optional<future<tuple>> ready;
    bool await_ready() const {
      return std::apply([](const Futures &...f) { return (... && f.available()); }, state._futures);
    }
    void await_suspend(std::coroutine_handle<> h) {
      ready.emplace(seastar::internal::when_all_of(std::move(state._futures)));
      ready->on_available([h] { h.resume(); });
    }
    value_tuple await_resume() {
      if (ready)
        state._futures = std::move(ready->get());
      std::exception_ptr e;
      std::apply([&](Futures &...f) { (void)(..., (f.failed() ? (e = f.get_exception(), 0) : 0)); },
                 state._futures);
      if (e)
        std::rethrow_exception(std::move(e));
      return std::apply(
          [](Futures &...f) { return std::tuple_cat(seastar::internal::value_of(f)...); },
          state._futures);
    }
  };

public:
  template <typename... Func>
    requires(... && std::invocable<Func>) && (... && future_type<std::invoke_result_t<Func>>)
  explicit all(Func &&...funcs) : _futures(futurize_invoke(funcs)...) {}
  awaiter operator co_await() { return awaiter{*this, std::nullopt}; }
};

template <typename FirstFunc, typename... MoreFuncs>
explicit all(FirstFunc &&, MoreFuncs &&...)
    -> all<std::invoke_result_t<FirstFunc>, std::invoke_result_t<MoreFuncs>...>;
} // namespace seastar::coroutine

// awl::when_all — Promise.all: fulfils with every value once all inputs
// fulfil (in the tick of the last one), rejects at the first rejection.
#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <tuple>
#include <type_traits>
#include <utility>
#include <variant>
#include <vector>

#include <awl/detail/input_slots.hpp>
#include <awl/promise.hpp>

namespace awl {
namespace detail {

// The values arrive in any order. A value type that can be default
// constructed without throwing is stored straight into the result vector
// (a million longs: 8 MB, moved out at the end); any other waits in an
// optional and is moved into the result once all are in.
template <class V>
inline constexpr bool stores_in_place = std::is_nothrow_default_constructible_v<V> && std::is_move_assignable_v<V>;

template <class T>
struct WhenAllVector final : State<std::vector<value_or_monostate_t<T>>> {
  using Value = value_or_monostate_t<T>;
  using Stored = std::conditional_t<stores_in_place<Value>, Value, std::optional<Value>>;

  explicit WhenAllVector(std::size_t count) : values(count), slots(count), remaining(count) {}

  void on_input(std::size_t index, StateBase* settled) {
    if (!this->pending()) return;
    if (settled->status == Status::rejected) {
      this->reject_with(settled->error);
      return;
    }
    if constexpr (std::is_void_v<T>)
      values[index] = Value{};
    else if constexpr (stores_in_place<Value>)
      values[index] = static_cast<State<T>&>(*settled).value();
    else
      values[index].emplace(static_cast<State<T>&>(*settled).value());
    if (--remaining == 0) {
      if constexpr (stores_in_place<Value>) {
        this->fulfil(std::move(values));
      } else {
        std::vector<Value> result;
        result.reserve(values.size());
        for (auto& value : values) result.push_back(std::move(*value));
        this->fulfil(std::move(result));
      }
    }
  }

  std::vector<Stored> values;
  InputSlotArray<WhenAllVector> slots;
  std::size_t remaining;
};

template <class... Ts>
struct WhenAllTuple final : State<std::tuple<value_or_monostate_t<Ts>...>> {
  static constexpr std::size_t count = sizeof...(Ts);

  void on_input(std::size_t index, StateBase* settled) {
    if (!this->pending()) return;
    if (settled->status == Status::rejected) {
      this->reject_with(settled->error);
      return;
    }
    store(index, settled, std::index_sequence_for<Ts...>{});
    if (--remaining == 0) {
      this->fulfil(std::apply(
          [](auto&... value) { return std::tuple<value_or_monostate_t<Ts>...>(std::move(*value)...); }, values));
    }
  }

  template <std::size_t... Is>
  void store(std::size_t index, StateBase* settled, std::index_sequence<Is...>) {
    ((index == Is ? store_one<Is>(settled) : void()), ...);
  }

  template <std::size_t I>
  void store_one(StateBase* settled) {
    using T = std::tuple_element_t<I, std::tuple<Ts...>>;
    if constexpr (std::is_void_v<T>)
      std::get<I>(values).emplace();
    else
      std::get<I>(values).emplace(static_cast<State<T>&>(*settled).value());
  }

  std::tuple<std::optional<value_or_monostate_t<Ts>>...> values;
  std::array<InputSlot<WhenAllTuple>, count> slots;
  std::size_t remaining = count;
};

}  // namespace detail

// when_all(std::vector<Promise<T>>) -> Promise<std::vector<T>> (void -> monostate).
template <class T>
Promise<std::vector<std::conditional_t<std::is_void_v<T>, std::monostate, T>>> when_all(
    const std::vector<Promise<T>>& inputs) {
  using Result = std::vector<detail::value_or_monostate_t<T>>;
  auto* state = new detail::WhenAllVector<T>(inputs.size());
  detail::trace_created(state, "when_all");
  Promise<Result> result = detail::promise_from<Result>(state);
  if (inputs.empty()) {
    state->fulfil(Result{});
    return result;
  }
  detail::register_inputs(state, state->slots, inputs);
  return result;
}

// when_all(p1, p2, ...) -> Promise<std::tuple<T1, T2, ...>> (void -> monostate).
template <class... Ts>
  requires(sizeof...(Ts) > 0)
Promise<std::tuple<std::conditional_t<std::is_void_v<Ts>, std::monostate, Ts>...>> when_all(
    const Promise<Ts>&... inputs) {
  using Result = std::tuple<detail::value_or_monostate_t<Ts>...>;
  auto* state = new detail::WhenAllTuple<Ts...>;
  detail::trace_created(state, "when_all");
  Promise<Result> result = detail::promise_from<Result>(state);
  const std::array<detail::StateBase*, sizeof...(Ts)> sources{detail::state_of(inputs)...};
  detail::register_inputs(state, state->slots, sources);
  return result;
}

}  // namespace awl

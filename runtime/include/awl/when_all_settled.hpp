// awl::when_all_settled — Promise.allSettled: never rejects; reports each
// input's outcome in input order.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <exception>
#include <optional>
#include <tuple>
#include <type_traits>
#include <utility>
#include <variant>
#include <vector>

#include <awl/detail/input_slots.hpp>
#include <awl/promise.hpp>

namespace awl {

enum class SettledStatus : std::uint8_t { fulfilled, rejected };

// One input's outcome: {status: 'fulfilled', value} or {status: 'rejected', reason}.
template <class T>
struct Settled {
  SettledStatus status = SettledStatus::rejected;
  std::optional<std::conditional_t<std::is_void_v<T>, std::monostate, T>> value;  // set when fulfilled
  std::exception_ptr reason;                                                      // set when rejected

  bool fulfilled() const noexcept { return status == SettledStatus::fulfilled; }
  bool rejected() const noexcept { return status == SettledStatus::rejected; }

  // The value, or the reason rethrown, like std::future::get(): what
  // `co_await input` would have given, so a catch block written for that
  // await handles the settled outcome unchanged.
  decltype(auto) get() const& {
    if (rejected()) std::rethrow_exception(reason);
    if constexpr (!std::is_void_v<T>) return static_cast<const T&>(*value);
  }
  decltype(auto) get() && {
    if (rejected()) std::rethrow_exception(reason);
    if constexpr (!std::is_void_v<T>) return T(std::move(*value));
  }
};

namespace detail {

template <class T>
Settled<T> settled_from(StateBase* settled) {
  Settled<T> outcome;
  if (settled->status == Status::rejected) {
    outcome.reason = settled->error;
  } else {
    outcome.status = SettledStatus::fulfilled;
    if constexpr (std::is_void_v<T>)
      outcome.value.emplace();
    else
      outcome.value.emplace(static_cast<State<T>&>(*settled).value());
  }
  return outcome;
}

template <class T>
struct AllSettledVector final : State<std::vector<Settled<T>>> {
  explicit AllSettledVector(std::size_t count) : outcomes(count), slots(count), remaining(count) {}

  void on_input(std::size_t index, StateBase* settled) {
    outcomes[index] = settled_from<T>(settled);
    if (--remaining == 0) this->fulfil(std::move(outcomes));
  }

  std::vector<Settled<T>> outcomes;
  InputSlotArray<AllSettledVector> slots;
  std::size_t remaining;
};

template <class... Ts>
struct AllSettledTuple final : State<std::tuple<Settled<Ts>...>> {
  static constexpr std::size_t count = sizeof...(Ts);

  void on_input(std::size_t index, StateBase* settled) {
    store(index, settled, std::index_sequence_for<Ts...>{});
    if (--remaining == 0) this->fulfil(std::move(outcomes));
  }

  template <std::size_t... Is>
  void store(std::size_t index, StateBase* settled, std::index_sequence<Is...>) {
    ((index == Is ? void(std::get<Is>(outcomes) = settled_from<std::tuple_element_t<Is, std::tuple<Ts...>>>(settled))
                  : void()),
     ...);
  }

  std::tuple<Settled<Ts>...> outcomes;
  std::array<InputSlot<AllSettledTuple>, count> slots;
  std::size_t remaining = count;
};

}  // namespace detail

template <class T>
Promise<std::vector<Settled<T>>> when_all_settled(const std::vector<Promise<T>>& inputs) {
  using Result = std::vector<Settled<T>>;
  auto* state = new detail::AllSettledVector<T>(inputs.size());
  detail::trace_created(state, "when_all_settled");
  Promise<Result> result = detail::promise_from<Result>(state);
  if (inputs.empty()) {
    state->fulfil(Result{});
    return result;
  }
  detail::register_inputs(state, state->slots, inputs);
  return result;
}

template <class... Ts>
  requires(sizeof...(Ts) > 0)
Promise<std::tuple<Settled<Ts>...>> when_all_settled(const Promise<Ts>&... inputs) {
  using Result = std::tuple<Settled<Ts>...>;
  auto* state = new detail::AllSettledTuple<Ts...>;
  detail::trace_created(state, "when_all_settled");
  Promise<Result> result = detail::promise_from<Result>(state);
  const std::array<detail::StateBase*, sizeof...(Ts)> sources{detail::state_of(inputs)...};
  detail::register_inputs(state, state->slots, sources);
  return result;
}

}  // namespace awl

// awl::race — Promise.race: settles like the first input to settle; with no
// inputs it stays pending forever.
#pragma once

#include <cstddef>
#include <memory>
#include <type_traits>
#include <vector>

#include <awl/detail/input_slots.hpp>
#include <awl/promise.hpp>

namespace awl {
namespace detail {

template <class T>
struct RaceVector final : State<T> {
  explicit RaceVector(std::size_t count) : slots(count) {}

  void on_input(std::size_t /*index*/, StateBase* settled) {
    if (this->pending()) settle_like(static_cast<State<T>&>(*this), static_cast<State<T>&>(*settled));
  }

  InputSlotArray<RaceVector> slots;
};

}  // namespace detail

template <class T>
Promise<T> race(const std::vector<Promise<T>>& inputs) {
  auto* state = new detail::RaceVector<T>(inputs.size());
  detail::trace_created(state, "race");
  Promise<T> result = detail::promise_from<T>(state);
  detail::register_inputs(state, state->slots, inputs);
  return result;
}

template <class T, class... Rest>
  requires(std::is_same_v<Promise<T>, Rest> && ...)
Promise<T> race(const Promise<T>& first, const Rest&... rest) {
  return race(std::vector<Promise<T>>{first, rest...});
}

}  // namespace awl

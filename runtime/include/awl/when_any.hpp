// awl::when_any — Promise.any: fulfils with the first fulfilment; rejects with
// an AggregateError (reasons in input order) once every input rejected.
#pragma once

#include <cstddef>
#include <exception>
#include <memory>
#include <type_traits>
#include <utility>
#include <vector>

#include <awl/detail/input_slots.hpp>
#include <awl/errors.hpp>
#include <awl/promise.hpp>

namespace awl {
namespace detail {

template <class T>
struct WhenAnyVector final : State<T> {
  explicit WhenAnyVector(std::size_t count) : reasons(count), slots(count), remaining(count) {}

  void on_input(std::size_t index, StateBase* settled) {
    if (!this->pending()) return;
    if (settled->status == Status::fulfilled) {
      settle_like(static_cast<State<T>&>(*this), static_cast<State<T>&>(*settled));
      return;
    }
    reasons[index] = settled->error;
    if (--remaining == 0) this->reject_with(std::make_exception_ptr(AggregateError(std::move(reasons))));
  }

  std::vector<std::exception_ptr> reasons;
  InputSlotArray<WhenAnyVector> slots;
  std::size_t remaining;
};

}  // namespace detail

template <class T>
Promise<T> when_any(const std::vector<Promise<T>>& inputs) {
  auto* state = new detail::WhenAnyVector<T>(inputs.size());
  detail::trace_created(state, "when_any");
  Promise<T> result = detail::promise_from<T>(state);
  if (inputs.empty()) {
    state->reject_with(std::make_exception_ptr(AggregateError({})));
    return result;
  }
  detail::register_inputs(state, state->slots, inputs);
  return result;
}

template <class T, class... Rest>
  requires(std::is_same_v<Promise<T>, Rest> && ...)
Promise<T> when_any(const Promise<T>& first, const Rest&... rest) {
  return when_any(std::vector<Promise<T>>{first, rest...});
}

}  // namespace awl

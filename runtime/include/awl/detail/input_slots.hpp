// Shared machinery of the combinators: one reaction node per input, each
// reporting (index, settled source) to its owner's on_input. Registering on
// an input marks it handled, as Promise.all's `then` call does in JavaScript.
#pragma once

#include <cstddef>
#include <memory>
#include <vector>

#include <awl/detail/state.hpp>

namespace awl::detail {

template <class Owner>
struct InputSlot : Reaction {
  InputSlot() noexcept { job_handler = &reaction_job<InputSlot>; }

  static void on_settled(InputSlot* slot, StateBase* source) {
    struct Release {
      Owner* owner;
      StateBase* source;
      ~Release() {
        source->release();
        owner->release();
      }
    } release{slot->owner, source};
    slot->owner->on_input(slot->index, source);
  }
  static void on_dropped(InputSlot* slot) noexcept { slot->owner->release(); }

  Owner* owner = nullptr;
  std::size_t index = 0;
};

inline StateBase* source_of(StateBase* state) noexcept { return state; }
template <class T>
StateBase* source_of(const Promise<T>& promise) noexcept {
  return state_of(promise);
}

// Registers slot i of `owner` on input i; each registration holds one
// reference to the owner until its reaction fires or is dropped.
template <class Owner, class Promises>
void register_inputs(Owner* owner, InputSlot<Owner>* slots, const Promises& inputs) {
  std::size_t index = 0;
  for (const auto& input : inputs) {
    StateBase* source = source_of(input);
    if (source == nullptr) throw std::logic_error("awl: a combinator was given an empty awl::Promise");
    InputSlot<Owner>& slot = slots[index];
    slot.owner = owner;
    slot.index = index;
    owner->add_ref();
    try {
      source->add_reaction(&slot);
    } catch (...) {
      owner->release();  // the slot's reference: it was never registered
      throw;
    }
    ++index;
  }
}

}  // namespace awl::detail

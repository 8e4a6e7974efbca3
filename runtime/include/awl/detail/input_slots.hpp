// Shared machinery of the combinators: one reaction node per input, each
// reporting (index, settled source) to its owner's on_input. Registering on
// an input marks it handled, as Promise.all's `then` call does in JavaScript.
#pragma once

#include <cstddef>
#include <memory>
#include <stdexcept>
#include <type_traits>
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
StateBase* source_of(const Promise<T>& promise) {
  return state_of(promise);
}

// A fulfilled input in the ready form needs no state of its own: its job
// carries the slot and the value, and hands the owner a fulfilled state that
// lives on the stack for the call (on_input only reads it).
template <class Owner, class T>
struct ReadyInput {
  InputSlot<Owner>* slot;
  [[no_unique_address]] ReadyValue<T> value;

  static void run(Job& job, bool discard) {
    const ReadyInput input = job.as<ReadyInput>();
    Owner* owner = input.slot->owner;
    if (discard) {
      owner->release();
      return;
    }
    struct Release {
      Owner* owner;
      ~Release() { owner->release(); }
    } release{owner};
    State<T> settled;
    fulfil_with_ready(settled, input.value);
    owner->on_input(input.slot->index, &settled);
  }
};

// Queues a ready input's job, as registering on a fulfilled state would;
// false for any other input.
template <class Owner, class T>
bool register_ready_input(InputSlot<Owner>& slot, const Promise<T>& input) {
  if constexpr (!returns_inline<T>) {
    return false;
  } else {
    const ReadyValue<T>* ready = ready_of(input);
    if (ready == nullptr || active_trace() != nullptr) return false;  // a trace records inputs by their states
    using Input = ReadyInput<Owner, T>;
    static_assert(fits_inline_job<Input>);
    Job job;
    job.handler = &Input::run;
    ::new (static_cast<void*>(job.storage)) Input{&slot, *ready};
    core_for("observing a settled promise").enqueue_job(job);
    return true;
  }
}

// Registers slot i of `owner` on input i; each registration holds one
// reference to the owner until its reaction fires or is dropped.
template <class Owner, class Promises>
void register_inputs(Owner* owner, InputSlot<Owner>* slots, const Promises& inputs) {
  std::size_t index = 0;
  for (const auto& input : inputs) {
    InputSlot<Owner>& slot = slots[index];
    slot.owner = owner;
    slot.index = index;
    owner->add_ref();
    try {
      bool registered = false;
      if constexpr (!std::is_pointer_v<std::remove_cvref_t<decltype(input)>>)
        registered = register_ready_input(slot, input);
      if (!registered) {
        StateBase* source = source_of(input);
        if (source == nullptr) throw std::logic_error("awl: a combinator was given an empty awl::Promise");
        source->add_reaction(&slot);
      }
    } catch (...) {
      owner->release();  // the slot's reference: it was never registered
      throw;
    }
    ++index;
  }
}

}  // namespace awl::detail

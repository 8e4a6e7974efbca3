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

// A fulfilled input in the ready form needs no state of its own, and no
// slot: its job carries the owner, the index and the value, and hands the
// owner a fulfilled state that lives on the stack for the call (on_input
// only reads it).
template <class Owner, class T>
struct ReadyInput {
  Owner* owner;
  std::size_t index;
  [[no_unique_address]] ReadyValue<T> value;

  static void run(Job& job, bool discard) {
    const ReadyInput input = job.as<ReadyInput>();
    if (discard) {
      input.owner->release();
      return;
    }
    struct Release {
      Owner* owner;
      ~Release() { owner->release(); }
    } release{input.owner};
    State<T> settled;
    fulfil_with_ready(settled, input.value);
    input.owner->on_input(input.index, &settled);
  }
};

// Queues a ready input's job, as registering on a fulfilled state would;
// false for any other input.
template <class Owner, class T>
bool register_ready_input(Owner* owner, std::size_t index, const Promise<T>& input) {
  if constexpr (!returns_inline<T>) {
    return false;
  } else {
    const ReadyValue<T>* ready = ready_of(input);
    if (ready == nullptr || active_trace() != nullptr) return false;  // a trace records inputs by their states
    using Input = ReadyInput<Owner, T>;
    static_assert(fits_inline_job<Input>);
    Job job;
    job.handler = &Input::run;
    ::new (static_cast<void*>(job.storage)) Input{owner, index, *ready};
    core_for("observing a settled promise").enqueue_job(job);
    return true;
  }
}

// The slots of a combinator over a vector of inputs, allocated when the
// first input that is not in the ready form registers: a million ready
// inputs (when_all over Promise.resolve(i)) need none of the array's 32 MB.
template <class Owner>
class InputSlotArray {
 public:
  explicit InputSlotArray(std::size_t count) noexcept : count_(count) {}

  InputSlot<Owner>& operator[](std::size_t index) {
    if (!slots_) slots_.reset(new InputSlot<Owner>[count_]);
    return slots_[index];
  }

 private:
  std::unique_ptr<InputSlot<Owner>[]> slots_;
  std::size_t count_;
};

// Registers `owner` on input i, through slots[i] unless the input is in the
// ready form; each registration holds one reference to the owner until its
// reaction fires or is dropped.
template <class Owner, class Slots, class Promises>
void register_inputs(Owner* owner, Slots& slots, const Promises& inputs) {
  std::size_t index = 0;
  for (const auto& input : inputs) {
    owner->add_ref();
    try {
      bool registered = false;
      if constexpr (!std::is_pointer_v<std::remove_cvref_t<decltype(input)>>)
        registered = register_ready_input(owner, index, input);
      if (!registered) {
        StateBase* source = source_of(input);
        if (source == nullptr) throw std::logic_error("awl: a combinator was given an empty awl::Promise");
        InputSlot<Owner>& slot = slots[index];
        slot.owner = owner;
        slot.index = index;
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

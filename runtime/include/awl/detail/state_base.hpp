// The type-independent part of a promise's shared state: status, reaction
// list, handled flag and reference count. Reactions are intrusive nodes owned
// by whoever registered them (a derived promise, a coroutine frame, a
// combinator), so registering one allocates nothing.
#pragma once

#include <cstdint>
#include <exception>

#include "pool.hpp"

namespace awl::detail {

struct StateBase;

struct Reaction {
  Reaction* next = nullptr;
  // Runs in a microtask once the source has settled.
  void (*fire)(Reaction* self, StateBase* source) = nullptr;
  // The source was destroyed while pending or the job was dropped: the
  // reaction will never fire; release what it owns.
  void (*drop)(Reaction* self) noexcept = nullptr;
};

enum class Status : std::uint8_t { pending, fulfilled, rejected };

struct StateBase : Pooled {
  StateBase() noexcept = default;
  StateBase(const StateBase&) = delete;
  StateBase& operator=(const StateBase&) = delete;
  virtual ~StateBase() {
    for (Reaction* reaction = first_reaction; reaction != nullptr;) {
      Reaction* next = reaction->next;
      reaction->drop(reaction);
      reaction = next;
    }
  }

  void add_ref() noexcept { ++refs; }
  inline void release() noexcept;

  bool pending() const noexcept { return status == Status::pending; }

  // Registers a reaction (JS PerformPromiseThen): queued at once if settled.
  inline void add_reaction(Reaction* reaction);
  // Settles as rejected and queues the reactions.
  inline void reject_with(std::exception_ptr reason);

  std::uint32_t refs = 1;
  Status status = Status::pending;
  bool handled = false;             // JS [[PromiseIsHandled]]
  bool already_resolved = false;    // the resolve functions have been used
  bool reported_unhandled = false;  // unhandled_rejection was reported for it
  Reaction* first_reaction = nullptr;
  Reaction* last_reaction = nullptr;
  StateBase* next_to_destroy = nullptr;
  std::exception_ptr error;

 protected:
  inline void trigger_reactions();
};

// Destroys states iteratively: dropping a million-long pending chain must not
// recurse a million frames deep.
struct DestructionQueue {
  StateBase* head;
  bool active;
};
inline thread_local DestructionQueue tls_destruction_queue{};

inline void destroy_state(StateBase* state) noexcept {
  auto& queue = tls_destruction_queue;
  if (queue.active) {
    state->next_to_destroy = queue.head;
    queue.head = state;
    return;
  }
  queue.active = true;
  delete state;
  while (StateBase* next = queue.head) {
    queue.head = next->next_to_destroy;
    delete next;
  }
  queue.active = false;
}

inline void StateBase::release() noexcept {
  if (--refs == 0) destroy_state(this);
}

}  // namespace awl::detail

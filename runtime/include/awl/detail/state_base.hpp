// The type-independent part of a promise's shared state: status, reaction
// list, handled flag and reference count. Reactions are intrusive nodes owned
// by whoever registered them (a derived promise, a coroutine frame, a
// combinator), so registering one allocates nothing.
#pragma once

#include <cstdint>
#include <exception>

#include "job_queue.hpp"
#include "pool.hpp"

namespace awl::detail {

struct StateBase;

// A node waiting for a promise to settle. Reactions are queued as jobs whose
// handler is the reaction type's own function (see make_reaction_job), so a
// reaction costs one indirect call. The job carries one reference to the
// settled source, which the handler takes over.
struct Reaction {
  Reaction* next = nullptr;
  Job::Handler job_handler = nullptr;
};

struct ReactionPayload {
  Reaction* reaction;
  StateBase* source;  // one reference, owned by the job; null when dropped unsettled
};

inline Job make_reaction_job(Reaction* reaction, StateBase* source) noexcept {
  Job job;
  job.handler = reaction->job_handler;
  ::new (static_cast<void*>(job.storage)) ReactionPayload{reaction, source};
  return job;
}

// The reaction will never fire: its source died pending.
inline void drop_reaction(Reaction* reaction) noexcept {
  Job job = make_reaction_job(reaction, nullptr);
  job.handler(job, true);
}

enum class Status : std::uint8_t { pending, fulfilled, rejected };

struct StateBase : Pooled {
  StateBase() noexcept = default;
  StateBase(const StateBase&) = delete;
  StateBase& operator=(const StateBase&) = delete;
  virtual ~StateBase() {
    for (Reaction* reaction = first_reaction; reaction != nullptr;) {
      Reaction* next = reaction->next;
      drop_reaction(reaction);
      reaction = next;
    }
  }

  void add_ref() noexcept { ++refs; }
  inline void release() noexcept;

  bool pending() const noexcept { return status == Status::pending; }

  // Registers a reaction (JS PerformPromiseThen): queued at once if settled.
  void add_reaction(Reaction* reaction) {
    if (status != Status::pending) {
      add_reaction_when_settled(reaction, false);
      return;
    }
    append_reaction(reaction);
  }
  // The same, taking over one reference the caller holds: a settled state
  // hands it to the job, a pending one drops it.
  void add_reaction_consuming(Reaction* reaction) {
    if (status != Status::pending) {
      add_reaction_when_settled(reaction, true);
      return;
    }
    append_reaction(reaction);
    release();
  }
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
  void trigger_reactions() {
    if (first_reaction != nullptr) enqueue_reactions();
  }

 private:
  [[gnu::noinline]] inline void enqueue_reactions();
  [[gnu::noinline]] inline void add_reaction_when_settled(Reaction* reaction, bool caller_reference);
  void append_reaction(Reaction* reaction) noexcept {
    handled = true;
    reaction->next = nullptr;
    if (last_reaction != nullptr)
      last_reaction->next = reaction;
    else
      first_reaction = reaction;
    last_reaction = reaction;
  }
};

// Destroys states iteratively: dropping a million-long pending chain must not
// recurse a million frames deep.
struct DestructionQueue {
  StateBase* head;
  bool active;
};
inline thread_local DestructionQueue tls_destruction_queue{};

[[gnu::noinline]] inline void destroy_state(StateBase* state) noexcept {
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

// The job handler of reaction type R: R::on_settled(R*, StateBase* source)
// takes over the source reference; R::on_dropped(R*) runs when the reaction
// will never fire.
template <class R>
void reaction_job(Job& job, bool discard) {
  const ReactionPayload payload = job.as<ReactionPayload>();
  auto* self = static_cast<R*>(payload.reaction);
  if (discard) {
    if (payload.source != nullptr) payload.source->release();
    R::on_dropped(self);
  } else {
    R::on_settled(self, payload.source);
  }
}

}  // namespace awl::detail

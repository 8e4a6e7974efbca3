// The type-independent part of a promise's shared state: status, reaction
// list, handled flag and reference count. Reactions are intrusive nodes owned
// by whoever registered them (a derived promise, a coroutine frame, a
// combinator), so registering one allocates nothing. The operations that
// reach the loop (queueing reactions, tracking rejections) are defined at the
// end, with the parts of LoopCore that need a complete StateBase.
#pragma once

#include <cstddef>
#include <cstdint>
#include <exception>
#include <new>
#include <type_traits>
#include <utility>

#include <awl/detail/job_queue.hpp>
#include <awl/detail/loop_core.hpp>
#include <awl/detail/pool.hpp>
#include <awl/detail/trace_recorder.hpp>

namespace awl::detail {

struct StateBase;

// A node waiting for a promise to settle. Reactions are queued as jobs whose
// handler is the reaction type's own function (see make_reaction_job), so a
// reaction costs one indirect call. The job carries one reference to the
// settled source, which the handler takes over.
struct Reaction {
  Reaction() noexcept : next(nullptr), job_handler(nullptr) {}
  // For an awaiter that becomes a reaction only on its slow path, which sets
  // both fields: its fast path writes neither.
  struct Unset {};
  explicit Reaction(Unset /*unused*/) noexcept {}  // NOLINT(cppcoreguidelines-pro-type-member-init)

  Reaction* next;
  Job::Handler job_handler;
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
  StateBase() noexcept {}  // NOLINT(modernize-use-equals-default): `error` stays unconstructed until a rejection
  StateBase(const StateBase&) = delete;
  StateBase& operator=(const StateBase&) = delete;
  virtual ~StateBase() {
    for (Reaction* reaction = take_reactions(); reaction != nullptr;) {
      Reaction* next = reaction->next;
      drop_reaction(reaction);
      reaction = next;
    }
    if (status == Status::rejected) error.~exception_ptr();
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

  // The reaction pointer comes first, a word of its own: the constructor
  // stores it whole (the count, status and flags after it take one 8-byte
  // store of their own), so a read soon after, when the promise settles,
  // finds exactly one earlier store to forward from. A load that straddles
  // part of a wider store cannot be forwarded and stalls.
  //
  // A state is four words, and a then-state of a small value, its reaction
  // included, six (48 bytes): the memory a million-link then-chain streams
  // through is what its links weigh. So the reaction list keeps only its
  // last node (the list is a ring: the last node's `next` is the first), and
  // the destruction queue borrows whichever word the state no longer needs
  // (see set_next_to_destroy).
  union {
    Reaction* last_reaction = nullptr;
    // A settled state's link in the destruction queue.
    StateBase* next_settled_to_destroy;
  };
  union {
    // Constructed by reject_with, destroyed with the state: only a rejected
    // state has one.
    std::exception_ptr error;
    // A fulfilled State<T>'s value when T fits a word (State<T>::value).
    alignas(void*) unsigned char small_value[sizeof(void*)];
    // A pending state's link in the destruction queue.
    StateBase* next_pending_to_destroy;
  };
  std::uint32_t refs = 1;
  Status status = Status::pending;
  bool handled = false;  // JS [[PromiseIsHandled]]
  // The pool size class of the state's dynamic type if, once fulfilled, it
  // owns nothing its destructor would release (see mark_trivially_freeable);
  // else no_trivial_free.
  std::uint8_t trivial_free_class = no_trivial_free;
  // Two flags in one byte, so that the state stays four words; a plain byte
  // (not bit-fields) lets the constructor write it with its neighbours.
  std::uint8_t flags = 0;
  static constexpr std::uint8_t already_resolved_flag = 1;    // the resolve functions have been used
  static constexpr std::uint8_t reported_unhandled_flag = 2;  // unhandled_rejection was reported for it

  bool already_resolved() const noexcept { return (flags & already_resolved_flag) != 0; }
  void mark_resolved() noexcept { flags |= already_resolved_flag; }
  bool reported_unhandled() const noexcept { return (flags & reported_unhandled_flag) != 0; }
  void mark_reported_unhandled() noexcept { flags |= reported_unhandled_flag; }
  static constexpr std::uint8_t no_trivial_free = 0xff;

  // The destruction queue's link. A pending state has no value or reason and
  // a settled one no reactions, so the link takes the word the state does not
  // use; taking it back leaves the state as its destructor expects.
  void set_next_to_destroy(StateBase* next) noexcept {
    if (status == Status::pending)
      next_pending_to_destroy = next;
    else
      next_settled_to_destroy = next;
  }
  StateBase* take_next_to_destroy() noexcept {
    if (status == Status::pending) return next_pending_to_destroy;
    StateBase* next = next_settled_to_destroy;
    last_reaction = nullptr;
    return next;
  }

 protected:
  void trigger_reactions() {
    if (last_reaction != nullptr) enqueue_reactions();
  }

 private:
  [[gnu::noinline]] inline void enqueue_reactions();
  [[gnu::noinline]] inline void enqueue_all_reactions();
  [[gnu::noinline]] inline void add_reaction_when_settled(Reaction* reaction, bool caller_reference);
  // Empties the list and returns its first node, the ring opened into a
  // list that ends at the last node (null if there was none).
  Reaction* take_reactions() noexcept {
    if (last_reaction == nullptr) return nullptr;
    Reaction* first = last_reaction->next;
    last_reaction->next = nullptr;
    last_reaction = nullptr;
    return first;
  }
  void append_reaction(Reaction* reaction) noexcept {
    handled = true;
    if (last_reaction != nullptr) {
      reaction->next = last_reaction->next;
      last_reaction->next = reaction;
    } else {
      reaction->next = reaction;
    }
    last_reaction = reaction;
  }
};

// Whether a fulfilled state holding a T (void: nothing) owns nothing its
// destructor would release.
template <class T>
inline constexpr bool owns_nothing_once_fulfilled = std::is_void_v<T> || std::is_trivially_destructible_v<T>;

// Marks `state`, whose dynamic type is exactly S, as freed without its
// destructor once fulfilled. Only for types whose destructor does nothing
// then: S's own members (a value, callbacks) trivially destructible.
template <class S>
void mark_trivially_freeable(S* state) noexcept {
  static_assert(pool_class_count <= StateBase::no_trivial_free);
  if constexpr (sizeof(S) <= pool_max_block)
    state->trivial_free_class = static_cast<std::uint8_t>(pool_class_of(sizeof(S)));
}

// Destroys states iteratively: dropping a million-long pending chain must not
// recurse a million frames deep.
struct DestructionQueue {
  StateBase* head;
  bool active;
};
inline thread_local DestructionQueue tls_destruction_queue{};

[[gnu::noinline]] inline void destroy_state(StateBase* state) noexcept {
  // A fulfilled state whose type owns nothing once fulfilled: its reaction
  // list was emptied when it settled, it has no reason, and nothing in it can
  // release other states in turn. Its destructor would do nothing, so its
  // block goes straight back to the pool: no virtual call, no queue.
  if (state->status == Status::fulfilled && state->trivial_free_class != StateBase::no_trivial_free) [[likely]] {
    pool_deallocate_class(state, state->trivial_free_class);
    return;
  }
  auto& queue = tls_destruction_queue;
  if (queue.active) {
    state->set_next_to_destroy(queue.head);
    queue.head = state;
    return;
  }
  queue.active = true;
  delete state;
  while (StateBase* next = queue.head) {
    queue.head = next->take_next_to_destroy();
    delete next;
  }
  queue.active = false;
}

inline void StateBase::release() noexcept {
  if (--refs == 0) destroy_state(this);
}

// A promise's id (Promise<T>::id(), RejectionEvent::promise_id, traces): the
// address of its state.
inline std::uintptr_t id_of(const StateBase* state) noexcept { return reinterpret_cast<std::uintptr_t>(state); }

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

// A then-reaction runs for `derived`, fed by `settled`. In a chain built
// link after link, the two are neighbouring pool blocks, and the links to
// come follow at the same stride: the drain walks them in order, but each
// address is known only from the link before, and the hardware prefetcher
// alone does not run far enough ahead to hide memory. Asking for the block
// that many links on makes a million-link drain cost what a chain held in
// cache does (runtime/README.md). A guess, and only a hint: where the two
// are not close neighbours, nothing is asked.
inline void prefetch_ahead_in_chain(const void* derived, const void* settled) noexcept {
  constexpr std::ptrdiff_t links_ahead = 64;
  constexpr std::ptrdiff_t neighbour_distance = 256;  // bytes: a few pool blocks
  const auto here = reinterpret_cast<std::intptr_t>(derived);
  const std::intptr_t stride = here - reinterpret_cast<std::intptr_t>(settled);
  // An address, not a pointer into an object: pointer arithmetic could not
  // reach past the block.
  if (stride >= -neighbour_distance && stride <= neighbour_distance) {
    // NOLINTNEXTLINE(performance-no-int-to-ptr)
    __builtin_prefetch(reinterpret_cast<const void*>(here + links_ahead * stride), 1);
  }
}

// StateBase and LoopCore need each other: settling queues reactions on the
// loop, the loop holds rejected states. Their shared operations are defined
// here, where both are complete.

void LoopCore::enqueue_reaction(Reaction* reaction, StateBase* source) {
  // The job's two words are read back as a ReactionPayload.
  static_assert(sizeof(ReactionPayload) == 2 * sizeof(void*) && offsetof(ReactionPayload, reaction) == 0 &&
                offsetof(ReactionPayload, source) == sizeof(void*));
  microtasks_.push_pair(reaction->job_handler, reaction, source);
}
void LoopCore::track_rejection(StateBase* state) {
  state->add_ref();
  pending_rejections_.push_back(state);
}
void LoopCore::note_handled_late(StateBase* state) {
  state->add_ref();
  handled_late_.push_back(state);
}

// Out of line: the common case (no reactions) is the inline check in the callers.
// A single reaction and no trace, the usual case, is queued here with no
// saved registers; anything else goes to enqueue_all_reactions.
void StateBase::enqueue_reactions() {
  Reaction* reaction = last_reaction;
  LoopCore* loop = tls_current_core;
  if (reaction->next == reaction && loop != nullptr && active_trace() == nullptr) [[likely]] {
    last_reaction = nullptr;
    add_ref();
    loop->enqueue_reaction(reaction, this);
    return;
  }
  enqueue_all_reactions();
}

void StateBase::enqueue_all_reactions() {
  Reaction* reaction = take_reactions();
  LoopCore& loop = core_for("settling a promise that has reactions");
  if (TraceRecorder* trace = active_trace()) [[unlikely]]
    trace->promise_settled(id_of(this), status == Status::rejected);
  while (reaction != nullptr) {
    Reaction* next = reaction->next;
    reaction->next = nullptr;
    add_ref();
    loop.enqueue_reaction(reaction, this);
    reaction = next;
  }
}

void StateBase::add_reaction_when_settled(Reaction* reaction, bool caller_reference) {
  LoopCore* loop = tls_current_core;
  if (loop == nullptr) {
    if (caller_reference) release();
    throw_no_event_loop("observing a settled promise");
  }
  if (status == Status::rejected && !handled && reported_unhandled()) loop->note_handled_late(this);
  handled = true;
  if (!caller_reference) add_ref();
  loop->enqueue_reaction(reaction, this);
}

inline void StateBase::reject_with(std::exception_ptr reason) {
  if (!pending()) return;
  ::new (static_cast<void*>(&error)) std::exception_ptr(std::move(reason));
  status = Status::rejected;
  if (!handled) {
    core_for("rejecting a promise").track_rejection(this);
    if (TraceRecorder* trace = active_trace()) [[unlikely]]
      trace->promise_settled(id_of(this), true);
  }
  trigger_reactions();
}

}  // namespace awl::detail

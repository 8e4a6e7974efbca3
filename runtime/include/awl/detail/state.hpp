// Typed promise state and the operations on it that follow the ECMAScript
// algorithms step for step, so tick counts match Node's.
#pragma once

#include <exception>
#include <memory>
#include <new>
#include <stdexcept>
#include <type_traits>
#include <utility>
#include <variant>

#include <awl/detail/loop_core.hpp>
#include <awl/detail/pool.hpp>
#include <awl/detail/state_base.hpp>
#include <awl/detail/trace_recorder.hpp>

namespace awl {
template <class T>
class Promise;
}

namespace awl::detail {

template <class T>
struct is_promise : std::false_type {};
template <class T>
struct is_promise<Promise<T>> : std::true_type {};
template <class T>
inline constexpr bool is_promise_v = is_promise<std::remove_cvref_t<T>>::value;

// The value a combinator stores for an input of type T: void becomes monostate.
template <class T>
using value_or_monostate_t = std::conditional_t<std::is_void_v<T>, std::monostate, T>;

// Whether a State<T> keeps its value in StateBase::small_value (the word a
// rejected state uses for its reason) instead of a member of its own.
template <class T>
inline constexpr bool value_fits_state_word =
    sizeof(T) <= sizeof(StateBase::small_value) && alignof(T) <= alignof(void*) && std::is_trivially_copyable_v<T> &&
    std::is_trivially_destructible_v<T>;

// Whether an async function returning Promise<T> that finishes without
// suspending hands its result back in the returned handle itself, with no
// shared state: T is void or a small trivially copyable value (the ready
// form of a Promise).
template <class T>
consteval bool returns_inline_for() {
  if constexpr (std::is_void_v<T>)
    return true;
  else
    return value_fits_state_word<T>;
}
template <class T>
inline constexpr bool returns_inline = returns_inline_for<T>();

// A ready-form Promise's value: a T when T returns inline, else nothing.
template <class T, bool HoldsValue = returns_inline<T> && !std::is_void_v<T>>
struct ReadyValue {
  ReadyValue() noexcept {}  // NOLINT(modernize-use-equals-default): the value stays unset until stored
  union {
    T value;
  };
};
template <class T>
struct ReadyValue<T, false> {};

template <class T, bool InWord = value_fits_state_word<T>>
union ValueStorage {
  ValueStorage() noexcept {}  // NOLINT(modernize-use-equals-default): the value stays unconstructed
  ~ValueStorage() {}          // NOLINT(modernize-use-equals-default): State destroys the value
  T value;
};
template <class T>
union ValueStorage<T, true> {};

template <class T>
struct State : StateBase {
  State() noexcept {}  // NOLINT(modernize-use-equals-default): the value stays unconstructed
  ~State() override {
    if constexpr (!value_fits_state_word<T>)
      if (status == Status::fulfilled) storage_.value.~T();
  }

  template <class V>
  void fulfil(V&& value) {
    if (!pending()) return;
    ::new (value_address()) T(std::forward<V>(value));
    status = Status::fulfilled;
    trigger_reactions();
  }

  T& value() noexcept { return *std::launder(static_cast<T*>(value_address())); }

 private:
  void* value_address() noexcept {
    if constexpr (value_fits_state_word<T>)
      return static_cast<void*>(small_value);
    else
      return static_cast<void*>(&storage_.value);
  }

  [[no_unique_address]] ValueStorage<T> storage_;
};

template <>
struct State<void> : StateBase {
  void fulfil() {
    if (!pending()) return;
    status = Status::fulfilled;
    trigger_reactions();
  }
};

// A new State<T> of exactly that type (no derived promise type).
// Plain states are the ones made and dropped at once (an async function's,
// awaited as it returns; Promise.resolve(v) awaited): short-lived blocks.
template <class T>
State<T>* new_plain_state() {
  auto* state = ::new (pool_allocate_short_lived(sizeof(State<T>))) State<T>;
  if constexpr (owns_nothing_once_fulfilled<T>) mark_trivially_freeable(state);
  return state;
}

// StateBase::release with the free of a trivially freeable fulfilled state
// (see destroy_state) inline, for callers that know the state's type.
template <class T>
inline void release_state(State<T>* state) noexcept {
  if (--state->refs != 0) return;
  if constexpr (owns_nothing_once_fulfilled<T> && sizeof(State<T>) <= pool_max_block) {
    // The usual case: a State<T> itself, whose size class is a constant here
    // (any state of the same class is freed the same way).
    constexpr auto plain_class = static_cast<std::uint8_t>(pool_class_of(sizeof(State<T>)));
    if (state->status == Status::fulfilled && state->trivial_free_class == plain_class) [[likely]] {
      pool_deallocate_short_lived(state, plain_class);
      return;
    }
  }
  destroy_state(state);
}

// Records that `state` was made (`how`: "executor", "then", "when_all", ...).
inline void trace_created(const StateBase* state, const char* how) noexcept {
  if (TraceRecorder* trace = active_trace()) [[unlikely]]
    trace->promise_created(id_of(state), how);
}

// Fulfils a pending state with a ready-form promise's value (a type that
// does not return inline has no ready form).
template <class T>
void fulfil_with_ready(State<T>& state, const ReadyValue<T>& ready) {
  if constexpr (std::is_void_v<T>)
    state.fulfil();
  else if constexpr (returns_inline<T>)
    state.fulfil(ready.value);
}

// Copies a settled source's outcome into a pending target.
template <class T>
void settle_like(State<T>& target, State<T>& source) {
  if (source.status == Status::rejected) {
    target.reject_with(source.error);
  } else if constexpr (std::is_void_v<T>) {
    target.fulfil();
  } else {
    target.fulfil(source.value());
  }
}

template <class T>
State<T>* state_of(const Promise<T>& promise);  // null for an empty promise
// The value of a ready-form promise (see awl/promise.hpp); null for any
// other promise.
template <class T>
const ReadyValue<T>* ready_of(const Promise<T>& promise) noexcept;
template <class T>
Promise<T> promise_from(State<T>* state) noexcept;  // takes over one reference

// Resolving with a promise (JS NewPromiseResolveThenableJob): one job to call
// inner.then, one for inner's reaction — the 2 extra ticks.
template <class T>
struct Adoption final : Reaction, Pooled {
  Adoption(State<T>* target_state, State<T>* inner_state) noexcept : target(target_state), inner(inner_state) {
    target->add_ref();
    inner->add_ref();
    job_handler = &reaction_job<Adoption>;
  }
  Adoption(const Adoption&) = delete;
  Adoption& operator=(const Adoption&) = delete;
  ~Adoption() {
    target->release();
    if (inner != nullptr) inner->release();
  }

  static void on_settled(Adoption* self, StateBase* source) {
    std::unique_ptr<Adoption> owned(self);
    struct Release {
      StateBase* source;
      ~Release() { source->release(); }
    } release{source};
    settle_like(*owned->target, static_cast<State<T>&>(*source));
  }
  static void on_dropped(Adoption* self) noexcept { delete self; }

  State<T>* target;
  State<T>* inner;  // held only until the reaction is registered
};

template <class T>
void adopt(State<T>* target, const Promise<T>& inner_promise) {
  State<T>* inner = state_of(inner_promise);
  if (inner == nullptr) throw std::logic_error("awl: resolving with an empty awl::Promise");
  if (inner == target) {
    target->reject_with(
        std::make_exception_ptr(std::logic_error("awl: a promise cannot be resolved with itself (chaining cycle)")));
    return;
  }
  auto* adoption = new Adoption<T>(target, inner);
  Job job;
  ::new (static_cast<void*>(job.storage)) Adoption<T>*(adoption);
  job.handler = [](Job& self, bool discard) {
    auto* node = self.as<Adoption<T>*>();
    if (discard) {
      delete node;
      return;
    }
    State<T>* source = node->inner;
    node->inner = nullptr;
    source->add_reaction(node);
    source->release();
  };
  core_for("resolving a promise with a promise").enqueue_job(job);
}

// Resolves `target` with the result of `call()`: a value fulfils it, a
// promise is adopted, an exception rejects it.
template <class T, class Call>
void resolve_from(State<T>* target, Call&& call) noexcept {
  try {
    using Result = decltype(call());
    if constexpr (std::is_void_v<Result>) {
      static_assert(std::is_void_v<T>, "awl: a callback returning void can only produce a Promise<void>");
      call();
      target->fulfil();
    } else if constexpr (is_promise_v<Result>) {
      adopt(target, call());
    } else {
      target->fulfil(call());
    }
  } catch (...) {
    target->reject_with(std::current_exception());
  }
}

}  // namespace awl::detail

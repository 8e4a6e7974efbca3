// awl::Promise<T>: a copyable handle to shared promise state with JavaScript
// semantics, and the coroutine type of eager async functions.
#pragma once

#include <coroutine>
#include <cstdint>
#include <exception>
#include <source_location>
#include <stdexcept>
#include <type_traits>
#include <utility>

#include <awl/detail/loop_core.hpp>
#include <awl/detail/no_event_loop.hpp>
#include <awl/detail/pool.hpp>
#include <awl/detail/state.hpp>
#include <awl/detail/state_base.hpp>
#include <awl/detail/trace_recorder.hpp>
#include <awl/event_loop.hpp>  // for users: a promise needs a loop (not needed by this header itself)

// A Promise is a pointer and at most a word-sized trivially copyable value
// (its ready form), with no address of its own to keep: clang may pass and
// return it in registers (an async function's result then needs no stack
// slot in its caller). Other compilers keep the usual ABI.
#if defined(__clang__)
#define AWL_TRIVIAL_ABI [[clang::trivial_abi]]
#else
#define AWL_TRIVIAL_ABI
#endif

namespace awl {

template <class T>
class Promise;

// The resolve function handed to an executor. Copyable; only the first call
// of it or its Rejecter counts, as in JavaScript.
template <class T>
class Resolver {
 public:
  Resolver(const Resolver& other) noexcept : state_(other.state_) { state_->add_ref(); }
  Resolver(Resolver&& other) noexcept : state_(std::exchange(other.state_, nullptr)) {}
  Resolver& operator=(Resolver other) noexcept {
    std::swap(state_, other.state_);
    return *this;
  }
  ~Resolver() {
    if (state_ != nullptr) state_->release();
  }

  template <class V>
    requires(!std::is_void_v<T>)
  void operator()(V&& value) const {
    if (claim()) {
      if constexpr (detail::is_promise_v<V>)
        detail::adopt(state_, value);
      else
        state_->fulfil(std::forward<V>(value));
    }
  }
  void operator()() const
    requires std::is_void_v<T>
  {
    if (claim()) state_->fulfil();
  }
  void operator()(const Promise<void>& inner) const
    requires std::is_void_v<T>
  {
    if (claim()) detail::adopt(state_, inner);
  }

 private:
  friend class Promise<T>;
  explicit Resolver(detail::State<T>* state) noexcept : state_(state) { state_->add_ref(); }

  bool claim() const noexcept {
    if (state_->already_resolved()) return false;
    state_->mark_resolved();
    return true;
  }
  detail::State<T>* state_;
};

// The reject function handed to an executor: takes an exception_ptr or any
// exception object.
template <class T>
class Rejecter {
 public:
  Rejecter(const Rejecter& other) noexcept : state_(other.state_) { state_->add_ref(); }
  Rejecter(Rejecter&& other) noexcept : state_(std::exchange(other.state_, nullptr)) {}
  Rejecter& operator=(Rejecter other) noexcept {
    std::swap(state_, other.state_);
    return *this;
  }
  ~Rejecter() {
    if (state_ != nullptr) state_->release();
  }

  void operator()(std::exception_ptr reason) const {
    if (state_->already_resolved()) return;
    state_->mark_resolved();
    state_->reject_with(std::move(reason));
  }
  template <class E>
    requires(!std::is_convertible_v<E, std::exception_ptr>)
  void operator()(E&& error) const {
    (*this)(std::make_exception_ptr(std::forward<E>(error)));
  }

 private:
  friend class Promise<T>;
  explicit Rejecter(detail::State<T>* state) noexcept : state_(state) { state_->add_ref(); }

  detail::State<T>* state_;
};

namespace detail {

struct PassThrough {};

template <class F, class T>
constexpr bool takes_value() {
  if constexpr (std::is_void_v<T>)
    return false;
  else
    return std::is_invocable_v<F&, T&>;
}

// Calls a fulfilment callback with the value, or with nothing if it takes none.
template <class F, class T>
decltype(auto) invoke_with_value(F& callback, State<T>& source) {
  if constexpr (takes_value<F, T>())
    return callback(source.value());
  else
    return callback();
}

template <class F>
decltype(auto) invoke_with_reason(F& callback, const std::exception_ptr& reason) {
  if constexpr (std::is_invocable_v<F&, const std::exception_ptr&>)
    return callback(reason);
  else
    return callback();
}

template <class R>
struct unwrap_promise {
  using type = R;
};
template <class U>
struct unwrap_promise<Promise<U>> {
  using type = U;
};
template <class R>
using unwrap_promise_t = unwrap_promise<std::remove_cvref_t<R>>::type;

template <class F, class T>
using fulfilment_result_t = decltype(invoke_with_value(std::declval<std::decay_t<F>&>(), std::declval<State<T>&>()));
template <class F>
using rejection_result_t =
    decltype(invoke_with_reason(std::declval<std::decay_t<F>&>(), std::declval<const std::exception_ptr&>()));

// The derived promise of `then`: its own state plus the reaction that feeds it.
template <class T, class U, class OnFulfilled, class OnRejected>
struct ThenState final : State<U>, Reaction {
  ThenState(OnFulfilled fulfilled, OnRejected rejected)
      : on_fulfilled(std::move(fulfilled)), on_rejected(std::move(rejected)) {
    job_handler = &reaction_job<ThenState>;
    if constexpr (owns_nothing_once_fulfilled<U> && std::is_trivially_destructible_v<OnFulfilled> &&
                  std::is_trivially_destructible_v<OnRejected>)
      mark_trivially_freeable(this);
  }

  static void on_settled(ThenState* derived, StateBase* settled) {
    prefetch_ahead_in_chain(derived, settled);
    auto& source = static_cast<State<T>&>(*settled);
    if (source.status == Status::fulfilled) {
      if constexpr (std::is_same_v<OnFulfilled, PassThrough>)
        settle_like(static_cast<State<T>&>(*derived), source);
      else
        resolve_from<U>(derived, [&]() -> decltype(auto) { return invoke_with_value(derived->on_fulfilled, source); });
    } else {
      if constexpr (std::is_same_v<OnRejected, PassThrough>)
        derived->reject_with(source.error);
      else
        resolve_from<U>(derived,
                        [&]() -> decltype(auto) { return invoke_with_reason(derived->on_rejected, source.error); });
    }
    settled->release();
    derived->release();  // the reference the reaction list held
  }
  static void on_dropped(ThenState* derived) noexcept { derived->release(); }

  [[no_unique_address]] OnFulfilled on_fulfilled;
  [[no_unique_address]] OnRejected on_rejected;
};

template <class T>
struct CoroutinePromise;
template <class T>
struct CoroutinePromiseBase;
template <class T>
class ReturnedPromise;

// A new state fulfilled with a ready-form promise's value.
template <class T>
State<T>* state_from_ready(const ReadyValue<T>& ready) {
  State<T>* state = new_plain_state<T>();
  fulfil_with_ready(*state, ready);
  return state;
}

// The state pointer of a ready-form Promise: not a state, never
// dereferenced; 1, so that one comparison (is_state) tells states from both
// it and null.
template <class T>
State<T>* ready_marker() noexcept {
  // NOLINTNEXTLINE(performance-no-int-to-ptr)
  return reinterpret_cast<State<T>*>(std::uintptr_t{1});
}
// Whether a Promise's or awaiter's state pointer points to a state.
template <class T>
bool is_state(const State<T>* state) noexcept {
  return reinterpret_cast<std::uintptr_t>(state) > 1;
}

}  // namespace detail

template <class T>
class AWL_TRIVIAL_ABI Promise {
 public:
  using value_type = T;
  using promise_type = detail::CoroutinePromise<T>;

  // An empty handle; assign a real promise before use.
  Promise() noexcept = default;

  // Runs executor(resolve, reject) synchronously; if it throws, the promise
  // is rejected (unless already resolved).
  template <class Executor>
    requires std::is_invocable_v<Executor&, Resolver<T>, Rejecter<T>>
  explicit Promise(Executor&& executor) : state_(detail::new_plain_state<T>()) {
    detail::trace_created(state_, "executor");
    Rejecter<T> reject(state_);
    try {
      executor(Resolver<T>(state_), reject);
    } catch (const NoEventLoopError&) {
      state_->release();  // misuse is reported, not turned into a rejection
      throw;
    } catch (...) {
      reject(std::current_exception());
    }
  }

  // A copy shares the state; a ready-form promise gets one first, so that
  // both are the same promise (one id()).
  Promise(const Promise& other) : state_(other.state_ == nullptr ? nullptr : &other.checked()) {
    if (state_ != nullptr) state_->add_ref();
  }
  Promise(Promise&& other) noexcept : state_(std::exchange(other.state_, nullptr)), ready_(other.ready_) {}
  Promise& operator=(Promise other) noexcept {
    std::swap(state_, other.state_);
    std::swap(ready_, other.ready_);
    return *this;
  }
  ~Promise() {
    if (detail::is_state(state_)) detail::release_state(state_);
  }

  // Promise.resolve: a fulfilled promise, or the same promise when given one.
  template <class V>
    requires(!std::is_void_v<T>)
  static Promise resolve(V&& value) {
    if constexpr (std::is_same_v<std::remove_cvref_t<V>, Promise>) {
      return Promise(std::forward<V>(value));
    } else if constexpr (detail::returns_inline<T>) {
      // The ready form: a state only when something other than an await
      // needs one.
      detail::ReadyValue<T> ready;
      ::new (static_cast<void*>(&ready.value)) T(std::forward<V>(value));
      return Promise(ready);
    } else {
      auto* state = detail::new_plain_state<T>();
      state->fulfil(std::forward<V>(value));
      return Promise(state);
    }
  }
  static Promise resolve()
    requires std::is_void_v<T>
  {
    return Promise(detail::ReadyValue<void>{});
  }
  // Promise.reject: takes an exception_ptr or any exception object.
  template <class E>
  static Promise reject(E&& error) {
    Promise promise(detail::new_plain_state<T>());
    if constexpr (std::is_convertible_v<E, std::exception_ptr>)
      promise.state_->reject_with(std::forward<E>(error));
    else
      promise.state_->reject_with(std::make_exception_ptr(std::forward<E>(error)));
    return promise;
  }

  // on_fulfilled(value) (or on_fulfilled()) may return a value, void or a
  // Promise, which is adopted; a throw rejects the derived promise.
  template <class OnFulfilled>
  auto then(OnFulfilled&& on_fulfilled) const {
    using U = detail::unwrap_promise_t<detail::fulfilment_result_t<OnFulfilled, T>>;
    return chain<U>(std::decay_t<OnFulfilled>(std::forward<OnFulfilled>(on_fulfilled)), detail::PassThrough{});
  }

  // on_rejected(std::exception_ptr) (or on_rejected()) must produce the same
  // type as on_fulfilled.
  template <class OnFulfilled, class OnRejected>
  auto then(OnFulfilled&& on_fulfilled, OnRejected&& on_rejected) const {
    using U = detail::unwrap_promise_t<detail::fulfilment_result_t<OnFulfilled, T>>;
    using R = detail::unwrap_promise_t<detail::rejection_result_t<OnRejected>>;
    static_assert(std::is_same_v<U, R> || (!std::is_void_v<U> && std::is_convertible_v<R, U>),
                  "awl: then(on_fulfilled, on_rejected): both callbacks must produce the same type");
    return chain<U>(std::decay_t<OnFulfilled>(std::forward<OnFulfilled>(on_fulfilled)),
                    std::decay_t<OnRejected>(std::forward<OnRejected>(on_rejected)));
  }

  // on_rejected(std::exception_ptr) recovers with a T (or Promise<T>).
  template <class OnRejected>
  Promise catch_(OnRejected&& on_rejected) const {
    using R = detail::unwrap_promise_t<detail::rejection_result_t<OnRejected>>;
    static_assert(std::is_same_v<R, T> || (!std::is_void_v<T> && std::is_convertible_v<R, T>),
                  "awl: catch_ on a Promise<T> needs a handler returning T or Promise<T>");
    return chain<T>(detail::PassThrough{}, std::decay_t<OnRejected>(std::forward<OnRejected>(on_rejected)));
  }

  // on_finally() runs on either outcome; the outcome passes through unless it
  // throws or returns a rejected promise. Same ticks as Promise.prototype.finally.
  template <class OnFinally>
  Promise finally(OnFinally&& on_finally) const {
    using F = std::decay_t<OnFinally>;
    F on_fulfilled_side(on_finally);
    F on_rejected_side(std::forward<OnFinally>(on_finally));
    return then(
        [callback = std::move(on_fulfilled_side)](auto&... value) mutable {
          // JS: PromiseResolve(onFinally()).then(() => value)
          if constexpr (std::is_void_v<T>)
            return finally_result(callback).then([](auto&...) {});
          else
            return finally_result(callback).then([kept = T(value...)](auto&...) { return kept; });
        },
        [callback = std::move(on_rejected_side)](const std::exception_ptr& reason) mutable {
          return finally_result(callback).then([reason](auto&...) -> T { std::rethrow_exception(reason); });
        });
  }

  bool valid() const noexcept { return state_ != nullptr; }
  bool is_pending() const { return checked().status == detail::Status::pending; }
  bool is_fulfilled() const { return checked().status == detail::Status::fulfilled; }
  bool is_rejected() const { return checked().status == detail::Status::rejected; }
  // Identifies the promise in RejectionEvent::promise_id.
  // (A ready-form promise gets its state here: ids stay stable.)
  std::uintptr_t id() const noexcept { return state_ == nullptr ? 0 : detail::id_of(&checked()); }

  struct Awaiter;
  Awaiter operator co_await() const& {
    if (state_ == detail::ready_marker<T>()) return Awaiter(ready_);
    return Awaiter(&checked(), true);
  }
  Awaiter operator co_await() && {
    if (state_ == detail::ready_marker<T>()) {
      state_ = nullptr;
      return Awaiter(ready_);
    }
    checked();
    return Awaiter(std::exchange(state_, nullptr), false);
  }

 private:
  template <class>
  friend class Promise;
  template <class>
  friend struct detail::CoroutinePromise;
  template <class U>
  friend detail::State<U>* detail::state_of(const Promise<U>&);
  template <class U>
  friend Promise<U> detail::promise_from(detail::State<U>*) noexcept;
  template <class U>
  friend const detail::ReadyValue<U>* detail::ready_of(const Promise<U>&) noexcept;
  friend class detail::ReturnedPromise<T>;

  explicit Promise(detail::State<T>* state) noexcept : state_(state) {}
  explicit Promise(const detail::ReadyValue<T>& ready) noexcept : state_(detail::ready_marker<T>()), ready_(ready) {}

  // The state, made now for a ready-form promise.
  detail::State<T>& checked() const {
    if (detail::is_state(state_)) [[likely]]
      return *state_;
    return make_state();
  }
  [[gnu::noinline]] detail::State<T>& make_state() const {
    if (state_ == nullptr) throw std::logic_error("awl: use of an empty awl::Promise");
    state_ = detail::state_from_ready(ready_);
    return *state_;
  }

  // The promise onFinally's result resolves to: itself if it is one.
  template <class F>
  static auto finally_result(F& callback) {
    if constexpr (detail::is_promise_v<std::invoke_result_t<F&>>) {
      return callback();
    } else {
      callback();
      return Promise<void>::resolve();
    }
  }

  template <class U, class OnFulfilled, class OnRejected>
  Promise<U> chain(OnFulfilled on_fulfilled, OnRejected on_rejected) const {
    detail::State<T>& source = checked();
    using Derived = detail::ThenState<T, U, OnFulfilled, OnRejected>;
    auto* derived = new Derived(std::move(on_fulfilled), std::move(on_rejected));
    derived->add_ref();  // one reference for the handle, one for the reaction
    Promise<U> result(static_cast<detail::State<U>*>(derived));
    detail::trace_created(derived, "then");
    try {
      source.add_reaction(derived);
    } catch (...) {
      derived->release();  // the reaction's reference: it was never registered
      throw;
    }
    return result;
  }

  // A state; null (empty); or ready_marker: the ready form, fulfilled with
  // ready_ (an async function that finished without suspending). The ready
  // form gets a state when anything but an await or a move needs one.
  mutable detail::State<T>* state_ = nullptr;
  [[no_unique_address]] mutable detail::ReadyValue<T> ready_;
};

namespace detail {

template <class T>
State<T>* state_of(const Promise<T>& promise) {
  return promise.state_ == nullptr ? nullptr : &promise.checked();
}
template <class T>
const ReadyValue<T>* ready_of(const Promise<T>& promise) noexcept {
  return promise.state_ == ready_marker<T>() ? &promise.ready_ : nullptr;
}
template <class T>
Promise<T> promise_from(State<T>* state) noexcept {
  return Promise<T>(state);
}

// What an async function's get_return_object hands the coroutine machinery,
// which turns it into the caller's Promise<T> when the ramp returns (at the
// first suspension, or at the end of a body that never suspends). Until then
// it stays where it was made, in the ramp's stack frame, linked to the
// coroutine's promise: a body that finishes first leaves its result here
// (the ready form, no shared state); one that suspends first gets a state,
// shared with the caller's promise, at the conversion.
//
// Trivially destructible on purpose: clang 22 runs the destructor of a
// converted return object at the end of the coroutine, on an address that
// is not the object's. Everything a destructor would do happens in the
// conversion, which every ramp that returns reaches exactly once.
template <class T>
class ReturnedPromise {
 public:
  explicit ReturnedPromise(CoroutinePromiseBase<T>* coroutine) noexcept {
    if (coroutine->state != nullptr) {  // made already (a trace is recording)
      state_ = coroutine->state;
      state_->add_ref();
      coroutine->returned = nullptr;  // (already: said again so the ramp's fast path knows it)
      return;
    }
    coroutine_ = coroutine;
    coroutine->returned = this;
  }
  ReturnedPromise(const ReturnedPromise&) = delete;
  ReturnedPromise& operator=(const ReturnedPromise&) = delete;
  ~ReturnedPromise() = default;

  // Always inlined: in the ramp of a body that finished without suspending,
  // the return object then lives in registers and the conversion folds to
  // the ready form. Left to the inliner's cost model, that hung on the size
  // of the state it makes on another path (a smaller StateBase tipped it into
  // a call that read the object back from memory: co_await f() 1.12x).
  [[gnu::always_inline]]
  operator Promise<T>() {  // NOLINT(google-explicit-constructor): the coroutine machinery converts implicitly
    if (ready_) return Promise<T>(value_);
    if (state_ != nullptr) return promise_from(std::exchange(state_, nullptr));
    // The frame was destroyed while suspended (it awaited a promise nothing
    // can settle any more): a promise that stays pending.
    if (coroutine_ == nullptr) return promise_from(new_plain_state<T>());
    // The body is suspended: it and the caller share a new state. Unlinked
    // first, so that a failing allocation leaves the frame to make its own.
    CoroutinePromiseBase<T>* coroutine = std::exchange(coroutine_, nullptr);
    coroutine->returned = nullptr;
    coroutine->state = new_plain_state<T>();
    coroutine->state->add_ref();
    return promise_from(coroutine->state);
  }

 private:
  friend struct CoroutinePromiseBase<T>;
  friend struct CoroutinePromise<T>;

  CoroutinePromiseBase<T>* coroutine_ = nullptr;
  State<T>* state_ = nullptr;  // one reference, handed over by the body
  bool ready_ = false;
  ReadyValue<T> value_;
};

static_assert(std::is_trivially_destructible_v<ReturnedPromise<int>> &&
              std::is_trivially_destructible_v<ReturnedPromise<void>>);

template <class T>
struct CoroutinePromiseBase : Pooled {
  // The common call of an async function allocates nothing here: a body
  // that finishes without suspending returns its result in the ready form,
  // and one that suspends gets its state when the ramp returns. The derived
  // constructor sends the rest (no loop, a trace) to begin_slow.
  CoroutinePromiseBase() = default;
  CoroutinePromiseBase(const CoroutinePromiseBase&) = delete;
  CoroutinePromiseBase& operator=(const CoroutinePromiseBase&) = delete;
  ~CoroutinePromiseBase() {
    if (returned != nullptr) returned->coroutine_ = nullptr;  // destroyed while the ramp runs
    if (state != nullptr) release_state(state);
  }

  ReturnedPromise<T> get_return_object() noexcept { return ReturnedPromise<T>(this); }
  // Eager, like a JavaScript async function: runs synchronously to its first
  // suspension; the frame frees itself when the body ends.
  std::suspend_never initial_suspend() const noexcept { return {}; }
  std::suspend_never final_suspend() const noexcept { return {}; }
  void unhandled_exception() noexcept {
    const bool known = known_to_trace();  // before shared_state unlinks the return object
    shared_state()->reject_with(std::current_exception());
    if (known) trace_end(true);
  }

  // A trace knows a coroutine by its frame's address (what an awaiter sees).
  void* frame() noexcept {
    auto& self = static_cast<CoroutinePromise<T>&>(*this);  // called once the derived part is constructed
    return std::coroutine_handle<CoroutinePromise<T>>::from_promise(self).address();
  }
  // Throws NoEventLoopError without a loop, records the start in an active
  // trace. `where` by value: one pointer, so the common path stores nothing
  // for the slow one.
  void begin(std::source_location where) {
    if (tls_current_core == nullptr || active_trace() != nullptr) [[unlikely]]
      begin_slow(where);
  }
  [[gnu::noinline, gnu::cold]] void begin_slow(std::source_location where) {
    if (tls_current_core == nullptr) throw_no_event_loop("calling an awl async function");
    // A trace names the promise from the start: the state is made now.
    state = new_plain_state<T>();
    active_trace()->coroutine_begin(frame(), id_of(state), where);
  }
  // False for a body that began with no trace recording and has not
  // suspended (the ramp still holds the return object): no trace saw it
  // begin, so none records its end either, also when the body attached one.
  bool known_to_trace() const noexcept { return returned == nullptr; }
  void trace_end(bool rejected) noexcept {
    if (TraceRecorder* trace = active_trace()) [[unlikely]]
      trace->coroutine_end(frame(), rejected);
  }

  // The state the frame settles, made if the body has none yet, and handed
  // to the return object if the ramp still runs.
  State<T>* shared_state() {
    if (state == nullptr) {
      state = new_plain_state<T>();
      if (returned != nullptr) {
        state->add_ref();
        returned->state_ = state;
        returned->coroutine_ = nullptr;
        returned = nullptr;
      }
    }
    return state;
  }

  // The body's result where the ramp still runs and no state was made:
  // left in the return object.
  // (`returned` is set only while there is no state: the state is made
  // before get_return_object when a trace records, and shared_state unlinks.)
  // A body that ends here is not known to any trace (known_to_trace), so
  // its end is not recorded: that keeps the ramp free of calls after the
  // result is stored, and the compiler folds the conversion to the ready
  // form.
  ReturnedPromise<T>* inline_result() noexcept {
    if constexpr (returns_inline<T>)
      return std::exchange(returned, nullptr);
    else
      return nullptr;
  }

  State<T>* state = nullptr;
  ReturnedPromise<T>* returned = nullptr;  // while the ramp runs without a state
};

// The constructors take the coroutine's own location (for traces): a
// default argument of the promise type's constructor is evaluated where the
// coroutine is defined. (A coroutine whose parameters are exactly one
// std::source_location passes that one instead.)
template <class T>
struct CoroutinePromise : CoroutinePromiseBase<T> {
  explicit CoroutinePromise(std::source_location where = std::source_location::current()) { this->begin(where); }

  // co_return of a value fulfils; of a Promise<T> adopts it (2 extra ticks).
  template <class V>
  void return_value(V&& value) {
    const bool known = this->known_to_trace();  // before shared_state unlinks the return object
    if constexpr (is_promise_v<V>) {
      adopt(this->shared_state(), value);
    } else if constexpr (returns_inline<T>) {
      // The conversion to T first: if it throws, the promise rejects, and
      // the return object must still be linked to the state that says so.
      T result(std::forward<V>(value));
      if (ReturnedPromise<T>* returned = this->inline_result()) [[likely]] {
        // (The conversion reads ready_ first: coroutine_ is not read again.)
        ::new (static_cast<void*>(&returned->value_.value)) T(result);
        returned->ready_ = true;
        return;  // no trace_end: see inline_result
      }
      this->shared_state()->fulfil(result);
    } else {
      this->shared_state()->fulfil(std::forward<V>(value));
    }
    if (known) this->trace_end(false);
  }
};

template <>
struct CoroutinePromise<void> : CoroutinePromiseBase<void> {
  explicit CoroutinePromise(std::source_location where = std::source_location::current()) { begin(where); }

  void return_void() {
    if (ReturnedPromise<void>* returned = inline_result()) [[likely]] {
      returned->ready_ = true;
      return;  // no trace_end: see inline_result
    }
    shared_state()->fulfil();
    trace_end(false);
  }
};

}  // namespace detail

// co_await resumes as a microtask once the promise settles (1 tick), also when
// it had already settled. If nothing can settle the promise any more (its
// last reference dies pending), the waiting coroutine frame is destroyed.
template <class T>
struct Promise<T>::Awaiter : private detail::Reaction {
 public:
  Awaiter(const Awaiter&) = delete;
  Awaiter& operator=(const Awaiter&) = delete;
  ~Awaiter() {
    if (detail::is_state(state)) detail::release_state(state);
  }

  // A co_await needs the thread's loop (to resume the coroutine): without
  // one it throws NoEventLoopError here, into the coroutine, before it
  // suspends, so that suspending cannot fail.
  bool await_ready() const {
    if (detail::tls_current_core == nullptr) [[unlikely]]
      detail::throw_no_event_loop("co_await of an awl::Promise");
    return false;
  }

  [[gnu::always_inline]] bool await_suspend(std::coroutine_handle<> coroutine) noexcept {
    // The common case, awaiting a fulfilled promise with no trace: queue the
    // resumption itself (the same one tick). The awaiter keeps its reference,
    // released when the coroutine resumes, or when its frame is destroyed
    // unrun; no reaction job stands between the queue and the coroutine.
    // When that queued resumption would be the next thing to run anyway, the
    // coroutine continues at once (returning false resumes it): the same
    // order of everything observable, without the trip through the queue.
    detail::LoopCore* loop = detail::tls_current_core;  // not null: see await_ready
    // (A fulfilled state's `handled` is never read again: it is not marked.)
    // A ready-form promise (an async function that finished without
    // suspending) is awaited as a fulfilled one.
    if ((state == detail::ready_marker<T>() || state->status == detail::Status::fulfilled) &&
        detail::active_trace() == nullptr) [[likely]] {
      if (loop->may_continue_in_place(coroutine)) return false;
      loop->enqueue_pair(&resume_job, coroutine.address(), nullptr);
      return true;
    }
    suspend_slow(coroutine);
    return true;
  }

  T await_resume() {
    if constexpr (detail::returns_inline<T>) {
      if (state == detail::ready_marker<T>()) {
        if constexpr (std::is_void_v<T>)
          return;
        else
          return ready.value;
      }
    }
    if (state->status == detail::Status::rejected) std::rethrow_exception(state->error);
    if constexpr (!std::is_void_v<T>) {
      // Only this awaiter holds it: nobody else can see the value.
      if (state->refs == 1) return std::move(state->value());
      return state->value();
    }
  }

 private:
  friend class Promise<T>;
  friend void detail::reaction_job<Awaiter>(detail::Job& job, bool discard);

  // The reaction's fields stay unset: only suspend_slow reads them, and it
  // sets them first.
  // NOLINTBEGIN(clang-analyzer-optin.cplusplus.UninitializedObject)
  Awaiter(detail::State<T>* awaited, bool take_reference) noexcept
      : detail::Reaction(detail::Reaction::Unset{}), state(awaited) {
    if (take_reference) state->add_ref();
  }
  explicit Awaiter(const detail::ReadyValue<T>& value) noexcept
      : detail::Reaction(detail::Reaction::Unset{}), state(detail::ready_marker<T>()), ready(value) {}
  // NOLINTEND(clang-analyzer-optin.cplusplus.UninitializedObject)

  // Pending or rejected, or a trace to record into.
  [[gnu::noinline]] void suspend_slow(std::coroutine_handle<> coroutine) noexcept {
    if (state == detail::ready_marker<T>())  // a trace records promises by their states
      state = detail::state_from_ready(ready);
    handle = coroutine;
    job_handler = &detail::reaction_job<Awaiter>;
    detail::State<T>* awaited = std::exchange(state, nullptr);
    if (detail::TraceRecorder* trace = detail::active_trace()) [[unlikely]]
      trace->await_suspend(coroutine.address(), detail::id_of(awaited));
    // Our reference goes to the reaction job when settled, else it is
    // dropped: the frame is then kept alive by whoever can settle the promise.
    awaited->add_reaction_consuming(this);
  }

  static void on_settled(Awaiter* self, detail::StateBase* settled) noexcept {
    self->state = static_cast<detail::State<T>*>(settled);
    if (detail::TraceRecorder* trace = detail::active_trace()) [[unlikely]]
      trace->await_resume(self->handle.address(), detail::id_of(settled), settled->status == detail::Status::rejected);
    detail::tls_current_core->resume_as_job(self->handle);
  }
  static void on_dropped(Awaiter* self) noexcept { self->handle.destroy(); }
  // The job of the fast path: the coroutine frame, which owns the awaiter.
  static void resume_job(detail::Job& job, bool discard) {
    auto coroutine = std::coroutine_handle<>::from_address(job.as<void*>());
    if (discard)
      coroutine.destroy();
    else
      detail::tls_current_core->resume_as_job(coroutine);
  }

  detail::State<T>* state;  // or ready_marker: the value is `ready`
  union {
    std::coroutine_handle<> handle;  // set by suspend_slow, read only after it: the fast path stores nothing here
  };
  [[no_unique_address]] detail::ReadyValue<T> ready;
};

}  // namespace awl

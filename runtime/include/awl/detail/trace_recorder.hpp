// The recording half of awl::Trace: the event types and the recorder the
// runtime writes into. awl/trace.hpp is where users get TraceKind, TraceEvent
// and Trace (which is a recorder; the internals hold it as one).
#pragma once

#include <cstddef>
#include <cstdint>
#include <iterator>
#include <source_location>
#include <vector>

// Recording is the rare path: kept out of line and out of the hot code, and
// called with what the caller has at hand (the time is read here), so the
// runtime's fast paths stay as small as without tracing.
#define AWL_TRACE_RECORDER [[gnu::noinline, gnu::cold]]

namespace awl {

enum class TraceKind : std::uint8_t {
  coroutine_begin,  // subject: the coroutine (its frame's address); other: the coroutine running when it
                    // began; promise: its promise's id
  coroutine_end,    // subject: the coroutine; rejected: it ended by throwing
  promise_created,  // subject: the promise; other: the coroutine running; label: how it was made
  promise_settled,  // subject: the promise (recorded when someone waits on it, and for every rejection)
  await_suspend,    // subject: the coroutine; other: the promise it waits for
  await_resume,     // subject: the coroutine; other: the promise it waited for; rejected: it will throw
  macrotask_begin,  // subject: the timer's id (0 for a posted task); label: "timer", "interval" or "task"
  macrotask_end,
};

struct TraceEvent {
  TraceKind kind;
  bool rejected = false;
  double time = 0;  // milliseconds on the loop's clock (virtual or real)
  std::uintptr_t subject = 0;
  std::uintptr_t other = 0;
  std::uintptr_t promise = 0;   // coroutine_begin: Promise<T>::id() of the coroutine's promise
  const char* label = nullptr;  // a string literal
  std::source_location where;   // coroutine_begin: the coroutine's definition
};

namespace detail {

class TraceRecorder {
 public:
  const std::vector<TraceEvent>& events() const noexcept { return events_; }
  bool empty() const noexcept { return events_.empty(); }
  std::size_t dropped() const noexcept { return dropped_; }
  void clear() noexcept {
    events_.clear();
    running_.clear();
    dropped_ = 0;
  }

  // Recording, called by the runtime on the loop's thread; the time is read
  // from the clock the loop set (EventLoop::set_trace).
  AWL_TRACE_RECORDER void coroutine_begin(const void* frame, std::uintptr_t promise,
                                          std::source_location where) noexcept {
    TraceEvent event = make(TraceKind::coroutine_begin, id(frame), running());
    event.promise = promise;
    event.where = where;
    push(event);
    enter(id(frame));
  }
  AWL_TRACE_RECORDER void coroutine_end(const void* frame, bool rejected) noexcept {
    push(make(TraceKind::coroutine_end, id(frame), 0, rejected));
    leave(id(frame));
  }
  AWL_TRACE_RECORDER void promise_created(std::uintptr_t promise, const char* how) noexcept {
    push(make(TraceKind::promise_created, promise, running(), false, how));
  }
  AWL_TRACE_RECORDER void promise_settled(std::uintptr_t promise, bool rejected) noexcept {
    push(make(TraceKind::promise_settled, promise, 0, rejected));
  }
  AWL_TRACE_RECORDER void await_suspend(const void* frame, std::uintptr_t awaited) noexcept {
    push(make(TraceKind::await_suspend, id(frame), awaited));
    leave(id(frame));
  }
  AWL_TRACE_RECORDER void await_resume(const void* frame, std::uintptr_t awaited, bool rejected) noexcept {
    push(make(TraceKind::await_resume, id(frame), awaited, rejected));
    enter(id(frame));
  }
  AWL_TRACE_RECORDER void macrotask_begin(std::uintptr_t timer, const char* what) noexcept {
    push(make(TraceKind::macrotask_begin, timer, 0, false, what));
  }
  AWL_TRACE_RECORDER void macrotask_end() noexcept { push(make(TraceKind::macrotask_end, 0)); }

  using Clock = double (*)(const void* owner) noexcept;
  void set_clock(Clock clock, const void* owner) noexcept {
    clock_ = clock;
    clock_owner_ = owner;
  }

 private:
  static std::uintptr_t id(const void* frame) noexcept { return reinterpret_cast<std::uintptr_t>(frame); }
  TraceEvent make(TraceKind kind, std::uintptr_t subject, std::uintptr_t other = 0, bool rejected = false,
                  const char* label = nullptr) const noexcept {
    TraceEvent event{};
    event.kind = kind;
    event.rejected = rejected;
    event.time = clock_ != nullptr ? clock_(clock_owner_) : 0;
    event.subject = subject;
    event.other = other;
    event.label = label;
    return event;
  }
  void push(const TraceEvent& event) noexcept {
    try {
      events_.push_back(event);
    } catch (...) {
      ++dropped_;
    }
  }
  void enter(std::uintptr_t coroutine) noexcept {
    try {
      running_.push_back(coroutine);
    } catch (...) {
      ++dropped_;
    }
  }
  std::uintptr_t running() const noexcept { return running_.empty() ? 0 : running_.back(); }
  // A coroutine leaves the stack when it suspends or ends. Suspensions on
  // awaitables awl does not know go unrecorded, so search rather than pop.
  void leave(std::uintptr_t coroutine) noexcept {
    for (auto it = running_.rbegin(); it != running_.rend(); ++it) {
      if (*it == coroutine) {
        running_.erase(std::next(it).base(), running_.end());
        return;
      }
    }
  }

  std::vector<TraceEvent> events_;
  std::vector<std::uintptr_t> running_;  // the coroutines on the call stack, innermost last
  std::size_t dropped_ = 0;
  Clock clock_ = nullptr;
  const void* clock_owner_ = nullptr;
};

// The recorder of this thread's loop (EventLoop::set_trace), kept apart from
// the loop so that the places that record cost one thread-local load when
// tracing is off.
inline thread_local TraceRecorder* tls_active_trace = nullptr;

// The trace the calling thread's loop records into, or nullptr (the usual case).
inline TraceRecorder* active_trace() noexcept { return tls_active_trace; }

}  // namespace detail
}  // namespace awl

// awl::Trace — what an EventLoop did, event by event: coroutines starting and
// ending, each co_await suspending and resuming, promises created and settled,
// macrotasks (timers, posted tasks). Off unless a Trace is attached with
// EventLoop::set_trace; when off, the runtime pays one predictable branch at
// the points it would record. awl/trace_views.hpp turns a trace into Chrome
// trace-event JSON, a terminal timeline, and hints of missed concurrency.
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

class EventLoop;

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

// Promise ids are addresses of shared states (Promise<T>::id()), coroutine
// ids the addresses of their frames: one can be reused after its promise or
// frame died, so an id names the entity most recently created with it.
class Trace {
 public:
  const std::vector<TraceEvent>& events() const noexcept { return events_; }
  bool empty() const noexcept { return events_.empty(); }
  // Events lost because memory ran out (recording never throws).
  std::size_t dropped() const noexcept { return dropped_; }
  void clear() noexcept {
    events_.clear();
    running_.clear();
    dropped_ = 0;
  }

  // Recording, called by the runtime on the loop's thread; the time is read
  // from the loop that records (EventLoop::set_trace).
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

 private:
  friend class EventLoop;
  using Clock = double (*)(const void* owner) noexcept;
  void set_clock(Clock clock, const void* owner) noexcept {
    clock_ = clock;
    clock_owner_ = owner;
  }

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

}  // namespace awl

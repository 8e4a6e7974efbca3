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

namespace awl {

enum class TraceKind : std::uint8_t {
  coroutine_begin,  // subject: the coroutine (its promise's id); other: the coroutine running when it began
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
  const char* label = nullptr;  // a string literal
  std::source_location where;   // coroutine_begin: the coroutine's definition
};

// Promise and coroutine ids are addresses of shared states (Promise<T>::id()):
// one can be reused after its promise died, so an id names the entity most
// recently created with it.
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

  // Recording, called by the runtime.
  void coroutine_begin(std::uintptr_t coroutine, double time, const std::source_location& where) noexcept {
    TraceEvent event = make(TraceKind::coroutine_begin, time, coroutine, running());
    event.where = where;
    push(event);
    enter(coroutine);
  }
  void coroutine_end(std::uintptr_t coroutine, double time, bool rejected) noexcept {
    push(make(TraceKind::coroutine_end, time, coroutine, 0, rejected));
    leave(coroutine);
  }
  void promise_created(std::uintptr_t promise, double time, const char* how) noexcept {
    push(make(TraceKind::promise_created, time, promise, running(), false, how));
  }
  void promise_settled(std::uintptr_t promise, double time, bool rejected) noexcept {
    push(make(TraceKind::promise_settled, time, promise, 0, rejected));
  }
  void await_suspend(std::uintptr_t coroutine, std::uintptr_t awaited, double time) noexcept {
    push(make(TraceKind::await_suspend, time, coroutine, awaited));
    leave(coroutine);
  }
  void await_resume(std::uintptr_t coroutine, std::uintptr_t awaited, double time, bool rejected) noexcept {
    push(make(TraceKind::await_resume, time, coroutine, awaited, rejected));
    enter(coroutine);
  }
  void macrotask_begin(std::uintptr_t timer, double time, const char* what) noexcept {
    push(make(TraceKind::macrotask_begin, time, timer, 0, false, what));
  }
  void macrotask_end(std::uintptr_t timer, double time) noexcept { push(make(TraceKind::macrotask_end, time, timer)); }

 private:
  static TraceEvent make(TraceKind kind, double time, std::uintptr_t subject, std::uintptr_t other = 0,
                         bool rejected = false, const char* label = nullptr) noexcept {
    TraceEvent event{};
    event.kind = kind;
    event.rejected = rejected;
    event.time = time;
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
};

}  // namespace awl

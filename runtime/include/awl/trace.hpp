// awl::Trace — what an EventLoop did, event by event: coroutines starting and
// ending, each co_await suspending and resuming, promises created and settled,
// macrotasks (timers, posted tasks). Off unless a Trace is attached with
// EventLoop::set_trace; when off, the runtime pays one predictable branch at
// the points it would record. awl/trace_views.hpp turns a trace into Chrome
// trace-event JSON, a terminal timeline, and hints of missed concurrency.
#pragma once

// TraceKind and TraceEvent (what one event records) are defined there, with
// the recorder the runtime writes into.
#include <awl/detail/trace_recorder.hpp>

namespace awl {

class EventLoop;

// Promise ids are addresses of shared states (Promise<T>::id()), coroutine
// ids the addresses of their frames: one can be reused after its promise or
// frame died, so an id names the entity most recently created with it.
class Trace : private detail::TraceRecorder {
 public:
  // const std::vector<TraceEvent>& events() const noexcept
  using TraceRecorder::events;
  // bool empty() const noexcept
  using TraceRecorder::empty;
  // Events lost because memory ran out (recording never throws).
  // std::size_t dropped() const noexcept
  using TraceRecorder::dropped;
  // void clear() noexcept
  using TraceRecorder::clear;

  // Recording, called by the runtime on the loop's thread; the time is read
  // from the loop that records (EventLoop::set_trace).
  using TraceRecorder::await_resume;
  using TraceRecorder::await_suspend;
  using TraceRecorder::coroutine_begin;
  using TraceRecorder::coroutine_end;
  using TraceRecorder::macrotask_begin;
  using TraceRecorder::macrotask_end;
  using TraceRecorder::promise_created;
  using TraceRecorder::promise_settled;

 private:
  friend class EventLoop;  // attaches the recorder (set_trace)
};

}  // namespace awl

// awl::detail::LoopCore: what promises, coroutines and run_blocking need from
// the thread's EventLoop — the microtask queue, the rejection lists and the
// count of blocking work in flight. EventLoop derives from it privately, so
// none of this is part of its public API, and the internals reach it through
// tls_current_core without knowing the public EventLoop.
#pragma once

#include <coroutine>
#include <utility>
#include <vector>

#include <awl/detail/job_queue.hpp>
#include <awl/detail/no_event_loop.hpp>

namespace awl::detail {

struct Reaction;
struct StateBase;
class LoopCore;

// The core of the calling thread's loop, or nullptr. It is the EventLoop
// itself (its first and only base, at offset 0), so EventLoop::current()
// reads this same thread-local.
inline thread_local LoopCore* tls_current_core = nullptr;

class LoopCore {
 public:
  LoopCore(const LoopCore&) = delete;
  LoopCore& operator=(const LoopCore&) = delete;

  void enqueue_job(const Job& job) { microtasks_.push(job); }
  // A job whose storage holds two pointers, written in place: a reaction job
  // (its handler reads a ReactionPayload), or a handler of its own.
  void enqueue_pair(Job::Handler handler, void* first, void* second) { microtasks_.push_pair(handler, first, second); }
  // These three are defined in awl/detail/state_base.hpp, which includes
  // this header and completes Reaction and StateBase.
  // Queues `reaction`'s job for the settled `source` (one reference, taken
  // over by the job).
  inline void enqueue_reaction(Reaction* reaction, StateBase* source);
  // A rejection that may go unhandled, checked at the end of the drain.
  [[gnu::noinline]] inline void track_rejection(StateBase* state);
  // A rejection reported unhandled that got a handler afterwards.
  [[gnu::noinline]] inline void note_handled_late(StateBase* state);
  // The loop keeps running while blocking work (run_blocking) is in flight.
  void begin_blocking_work() noexcept { ++blocking_work_; }
  void end_blocking_work() noexcept { --blocking_work_; }

  // Resumes `coroutine` as the whole of the running microtask: when it
  // suspends, control goes straight back to the drain loop. While it runs,
  // may_continue_in_place tells its awaits so.
  void resume_as_job(std::coroutine_handle<> coroutine) {
    struct Restore {
      LoopCore& core;
      void* outer;
      ~Restore() { core.resumed_by_job_ = outer; }
    } restore{*this, std::exchange(resumed_by_job_, coroutine.address())};
    coroutine.resume();
  }
  // True when an await in `coroutine` that would queue its resumption may
  // continue at once instead, with the same result as a JavaScript await:
  // the coroutine was resumed by the running microtask and nothing else runs
  // after it in that job, and no other microtask is queued, so the queued
  // resumption would be the very next thing to run. (An async function
  // called from another coroutine runs inside that one's job, and its frame
  // is not the one the job resumed, so it suspends as usual.)
  bool may_continue_in_place(std::coroutine_handle<> coroutine) const noexcept {
    return coroutine.address() == resumed_by_job_ && microtasks_.empty();
  }

 protected:
  LoopCore() = default;
  ~LoopCore() = default;

  JobQueue microtasks_;
  std::vector<StateBase*> pending_rejections_;
  std::vector<StateBase*> handled_late_;
  int blocking_work_ = 0;
  void* resumed_by_job_ = nullptr;  // the frame the running microtask resumed
};

// The calling thread's loop core; throws NoEventLoopError without a loop.
inline LoopCore& core_for(const char* what_for) {
  LoopCore* core = tls_current_core;
  if (core == nullptr) [[unlikely]]
    throw_no_event_loop(what_for);
  return *core;
}

}  // namespace awl::detail

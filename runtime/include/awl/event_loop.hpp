// awl::EventLoop: one per thread. A macrotask (timer, posted task) runs, then
// the microtask queue drains completely, then unhandled rejections are
// reported; repeat until no work remains.
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <deque>
#include <exception>
#include <functional>
#include <mutex>
#include <stdexcept>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

#include <awl/detail/job_queue.hpp>
#include <awl/detail/loop_core.hpp>
#include <awl/detail/no_event_loop.hpp>
#include <awl/detail/state_base.hpp>
#include <awl/detail/timer_queue.hpp>
#include <awl/detail/trace_recorder.hpp>
#include <awl/detail/unique_function.hpp>
#include <awl/errors.hpp>
#include <awl/trace.hpp>

namespace awl {

// A callable the loop can run as a task or timer callback: invocable with no
// arguments (its result, if any, is ignored). It may be move-only.
template <class F>
concept Task = std::is_invocable_v<std::decay_t<F>&> && std::is_constructible_v<std::decay_t<F>, F>;

// Durations for timers: any std::chrono::duration (fractions of a millisecond
// included), besides the milliseconds of the JavaScript-shaped API.
using Milliseconds = std::chrono::duration<double, std::milli>;

// Tag selecting simulated time: the loop jumps to the next due timer instead
// of sleeping, so now() reports exact simulated durations.
struct VirtualTime {
  explicit VirtualTime() = default;
};
inline constexpr VirtualTime virtual_time{};

// What happens to a rejection nobody handled by the end of its microtask drain
// (Node's --unhandled-rejections).
enum class UnhandledRejections : std::uint8_t {
  throw_,  // call the unhandled_rejection hook if set, else run() throws UnhandledRejectionError
  strict,  // run() throws UnhandledRejectionError (the hook is not consulted)
  warn,    // print a warning to stderr and call the hook if set
  none,    // only call the hook if set
};

struct RejectionEvent {
  std::exception_ptr reason;
  std::uintptr_t promise_id;  // equals Promise<T>::id() of the rejected promise
};

using TimerId = std::uint64_t;

namespace detail {
inline UnhandledRejections rejection_mode_from_environment() {
  const char* value = std::getenv("AWL_UNHANDLED_REJECTIONS");
  if (value == nullptr || *value == '\0' || std::strcmp(value, "throw") == 0) return UnhandledRejections::throw_;
  if (std::strcmp(value, "strict") == 0) return UnhandledRejections::strict;
  if (std::strcmp(value, "warn") == 0) return UnhandledRejections::warn;
  if (std::strcmp(value, "none") == 0) return UnhandledRejections::none;
  throw std::invalid_argument(std::string("awl: AWL_UNHANDLED_REJECTIONS must be throw, strict, warn or none, not '") +
                              value + "'");
}
}  // namespace detail

// The part promises reach (the microtask queue, rejection tracking, blocking
// work) is the private base detail::LoopCore, found through
// detail::tls_current_core.
class EventLoop : private detail::LoopCore {
 public:
  EventLoop() : EventLoop(false) {}
  explicit EventLoop(VirtualTime) : EventLoop(true) {}
  EventLoop(const EventLoop&) = delete;
  EventLoop& operator=(const EventLoop&) = delete;

  ~EventLoop() {
    wait_for_blocking_work();
    report_dropped_work();
    microtasks_.discard_all();
    ready_.clear();
    timers_.clear();
    {
      std::lock_guard lock(inbox_mutex_);
      inbox_.clear();
    }
    release_all(pending_rejections_);
    release_all(handled_late_);
    detail::tls_current_core = nullptr;
    detail::tls_active_trace = nullptr;
  }

  // The loop of the calling thread, or nullptr.
  // (The core is the loop's only base, at offset 0: the cast adds no null check.)
  static EventLoop* current() noexcept { return static_cast<EventLoop*>(detail::tls_current_core); }

  // Runs until no macrotask, microtask, timer or blocking work remains.
  void run() {
    while (run_once()) {
    }
  }

  // Runs the microtasks already queued, then at most one macrotask and the
  // microtasks it queues, waiting (or, on virtual time, jumping ahead) for it
  // if needed. Returns false once no work remains.
  bool run_once() {
    RunGuard guard(*this);
    perform_checkpoint();
    for (;;) {
      collect_posted();
      loop_time_ = virtual_ ? virtual_now_ : real_elapsed();
      if (timers_.has_due(loop_time_)) {
        const bool traced = fire_next_timer();
        perform_checkpoint();
        if (traced && trace_ != nullptr) [[unlikely]]
          trace_->macrotask_end();
        return true;
      }
      if (!ready_.empty()) {
        detail::UniqueFunction task = std::move(ready_.front());
        ready_.pop_front();
        const bool traced = trace_ != nullptr;
        if (traced) [[unlikely]]
          trace_->macrotask_begin(0, "task");
        task();
        perform_checkpoint();
        if (traced && trace_ != nullptr) [[unlikely]]
          trace_->macrotask_end();
        return true;
      }
      if (timers_.empty() && blocking_work_ == 0) return false;
      wait_for_work();
    }
  }

  // Milliseconds since the loop was constructed (simulated on virtual time).
  double now() const noexcept { return virtual_ ? virtual_now_ : real_elapsed(); }
  // The same as a std::chrono duration.
  Milliseconds elapsed() const noexcept { return Milliseconds(now()); }
  bool uses_virtual_time() const noexcept { return virtual_; }

  template <class F>
  void queue_microtask(F&& function) {
    microtasks_.push(detail::make_callable_job(std::forward<F>(function)));
  }

  template <Task F>
  TimerId set_timeout(F&& callback, double ms) {
    return timers_.add(detail::UniqueFunction(std::forward<F>(callback)), timer_base(), clamp_delay(ms), false);
  }
  template <Task F, class Rep, class Period>
  TimerId set_timeout(F&& callback, std::chrono::duration<Rep, Period> delay) {
    return set_timeout(std::forward<F>(callback), Milliseconds(delay).count());
  }
  void clear_timeout(TimerId id) noexcept { timers_.cancel(id); }
  template <Task F>
  TimerId set_interval(F&& callback, double ms) {
    return timers_.add(detail::UniqueFunction(std::forward<F>(callback)), timer_base(), clamp_delay(ms), true);
  }
  template <Task F, class Rep, class Period>
  TimerId set_interval(F&& callback, std::chrono::duration<Rep, Period> period) {
    return set_interval(std::forward<F>(callback), Milliseconds(period).count());
  }
  void clear_interval(TimerId id) noexcept { timers_.cancel(id); }

  // Thread-safe: queues `task` as a macrotask and wakes the loop. The loop
  // must outlive the call.
  template <Task F>
  void post(F&& task) {
    detail::UniqueFunction function(std::forward<F>(task));  // outside the lock: it may allocate
    std::lock_guard lock(inbox_mutex_);
    inbox_.push_back(std::move(function));
    inbox_nonempty_ = true;
    // Notified under the lock: once the loop sees the task it may be
    // destroyed, and the condition variable with it.
    wake_.notify_one();
  }

  // Records what the loop does into `trace` (nullptr: stop recording); call
  // it on the loop's thread. The trace must outlive the recording;
  // awl/trace_views.hpp reads it.
  void set_trace(Trace* trace) {
    if (current() != this) throw std::logic_error("awl: set_trace must be called on the loop's thread");
    detail::TraceRecorder* recorder = trace;  // Trace's private base: EventLoop is its friend
    if (recorder != nullptr)
      recorder->set_clock([](const void* loop) noexcept { return static_cast<const EventLoop*>(loop)->now(); }, this);
    trace_ = trace;
    detail::tls_active_trace = recorder;
  }
  Trace* trace() const noexcept { return trace_; }

  void set_unhandled_rejections(UnhandledRejections mode) noexcept { mode_ = mode; }
  UnhandledRejections unhandled_rejections() const noexcept { return mode_; }
  void on_unhandled_rejection(std::function<void(const RejectionEvent&)> hook) { unhandled_hook_ = std::move(hook); }
  void on_rejection_handled(std::function<void(const RejectionEvent&)> hook) { handled_hook_ = std::move(hook); }

 private:
  explicit EventLoop(bool virtual_clock)
      : virtual_(virtual_clock),
        start_(std::chrono::steady_clock::now()),
        mode_(detail::rejection_mode_from_environment()) {
    if (detail::tls_current_core != nullptr)
      throw std::logic_error("awl: this thread already has an awl::EventLoop (one per thread)");
    detail::tls_current_core = this;
  }

  struct RunGuard {
    explicit RunGuard(EventLoop& loop) : loop_(loop) {
      if (loop_.running_) throw std::logic_error("awl: EventLoop::run() called from inside the loop");
      if (current() != &loop_) throw std::logic_error("awl: an EventLoop must run on the thread that constructed it");
      loop_.running_ = true;
    }
    ~RunGuard() { loop_.running_ = false; }
    RunGuard(const RunGuard&) = delete;
    RunGuard& operator=(const RunGuard&) = delete;
    EventLoop& loop_;
  };

  // Inside the loop a timer counts from the time cached for this iteration
  // (as Node does); outside, time has passed since the last iteration.
  double timer_base() noexcept {
    if (!running_ && !virtual_) loop_time_ = real_elapsed();
    return loop_time_;
  }

  // Node clamps delays outside [1, 2^31-1] ms to 1 ms.
  static double clamp_delay(double ms) noexcept { return (ms >= 1 && ms <= 2147483647.0) ? ms : 1.0; }

  double real_elapsed() const noexcept {
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start_).count();
  }

  void perform_checkpoint() {
    for (;;) {
      microtasks_.drain();
      if (pending_rejections_.empty() && handled_late_.empty()) return;
      process_rejections();
      if (microtasks_.empty()) return;
    }
  }

  void process_rejections() {
    std::vector<detail::StateBase*> handled = std::move(handled_late_);
    handled_late_.clear();
    std::vector<RejectionEvent> handled_events;
    handled_events.reserve(handled.size());
    for (detail::StateBase* state : handled) handled_events.push_back({state->error, detail::id_of(state)});
    release_all(handled);

    std::vector<detail::StateBase*> candidates = std::move(pending_rejections_);
    pending_rejections_.clear();
    std::vector<RejectionEvent> unhandled_events;
    for (detail::StateBase* state : candidates) {
      if (!state->handled && !state->reported_unhandled()) {
        state->mark_reported_unhandled();
        unhandled_events.push_back({state->error, detail::id_of(state)});
      }
    }
    release_all(candidates);

    for (const RejectionEvent& event : handled_events)
      if (handled_hook_) handled_hook_(event);
    for (const RejectionEvent& event : unhandled_events) report_unhandled(event);
  }

  void report_unhandled(const RejectionEvent& event) {
    switch (mode_) {
      case UnhandledRejections::throw_:
        if (!unhandled_hook_) throw UnhandledRejectionError(event.reason);
        unhandled_hook_(event);
        return;
      case UnhandledRejections::strict:
        throw UnhandledRejectionError(event.reason);
      case UnhandledRejections::warn:
        std::fprintf(stderr, "awl: warning: unhandled promise rejection: %s\n", describe(event.reason).c_str());
        if (unhandled_hook_) unhandled_hook_(event);
        return;
      case UnhandledRejections::none:
        if (unhandled_hook_) unhandled_hook_(event);
        return;
    }
  }

  // Returns whether the firing was recorded in the trace.
  bool fire_next_timer() {
    struct Finish {  // an interval is rescheduled even when its callback throws, as in Node
      EventLoop& loop;
      detail::TimerQueue::Fired fired;
      ~Finish() { loop.timers_.finish(std::move(fired), loop.loop_time_); }
    } finish{*this, timers_.pop_due()};
    if (!finish.fired.callback) return false;
    const bool traced = trace_ != nullptr;
    if (traced) [[unlikely]] {
      const TimerId id = (TimerId{finish.fired.generation} << 32) | (TimerId{finish.fired.slot} + 1);
      trace_->macrotask_begin(id, finish.fired.interval > 0 ? "interval" : "timer");
    }
    finish.fired.callback();
    return traced;
  }

  void collect_posted() {
    if (!inbox_nonempty_.load(std::memory_order_acquire)) return;
    std::lock_guard lock(inbox_mutex_);
    for (auto& task : inbox_) ready_.push_back(std::move(task));
    inbox_.clear();
    inbox_nonempty_ = false;
  }

  void wait_for_work() {
    std::unique_lock lock(inbox_mutex_);
    if (inbox_nonempty_) return;
    if (virtual_) {
      // Blocking work takes no simulated time: wait for it before jumping.
      if (blocking_work_ > 0) {
        wake_.wait(lock, [&] { return inbox_nonempty_.load(); });
        return;
      }
      virtual_now_ = timers_.next_due();
      return;
    }
    if (timers_.empty()) {
      wake_.wait(lock, [&] { return inbox_nonempty_.load(); });
      return;
    }
    const auto due = start_ + std::chrono::duration_cast<std::chrono::steady_clock::duration>(
                                  std::chrono::duration<double, std::milli>(timers_.next_due()));
    wake_.wait_until(lock, due, [&] { return inbox_nonempty_.load(); });
  }

  void wait_for_blocking_work() {
    while (blocking_work_ > 0) {
      {
        std::unique_lock lock(inbox_mutex_);
        wake_.wait(lock, [&] { return inbox_nonempty_.load(); });
      }
      collect_posted();
      // Completions of blocking work are dropped unrun, each ending its work item.
      while (!ready_.empty()) {
        detail::UniqueFunction task = std::move(ready_.front());
        ready_.pop_front();
        dropped_blocking_completions_ = true;
        task();
      }
    }
  }

  void report_dropped_work() const {
    const std::size_t macrotasks = ready_.size() + inbox_size();
    if (microtasks_.empty() && macrotasks == 0 && timers_.empty() && !dropped_blocking_completions_) return;
    std::fprintf(stderr,
                 "awl: warning: EventLoop destroyed with pending work, which is dropped unrun: "
                 "%zu microtask(s), %zu macrotask(s), %zu timer(s)%s\n",
                 microtasks_.size(), macrotasks, timers_.size(),
                 dropped_blocking_completions_ ? ", blocking work completions" : "");
  }

  std::size_t inbox_size() const {
    std::lock_guard lock(inbox_mutex_);
    return inbox_.size();
  }

  static void release_all(std::vector<detail::StateBase*>& states) noexcept {
    for (detail::StateBase* state : states) state->release();
    states.clear();
  }

  const bool virtual_;
  const std::chrono::steady_clock::time_point start_;
  double virtual_now_ = 0;
  double loop_time_ = 0;
  bool running_ = false;
  bool dropped_blocking_completions_ = false;
  UnhandledRejections mode_;
  Trace* trace_ = nullptr;

  std::deque<detail::UniqueFunction> ready_;
  detail::TimerQueue timers_;

  mutable std::mutex inbox_mutex_;
  std::condition_variable wake_;
  std::vector<detail::UniqueFunction> inbox_;
  std::atomic<bool> inbox_nonempty_{false};

  std::function<void(const RejectionEvent&)> unhandled_hook_;
  std::function<void(const RejectionEvent&)> handled_hook_;
};

namespace detail {
// The calling thread's loop; throws NoEventLoopError without one.
inline EventLoop& loop_for(const char* what_for) {
  EventLoop* loop = EventLoop::current();
  if (loop == nullptr) [[unlikely]]
    throw_no_event_loop(what_for);
  return *loop;
}
}  // namespace detail

// Free functions acting on the calling thread's loop.
template <class F>
void queue_microtask(F&& function) {
  detail::loop_for("awl::queue_microtask").queue_microtask(std::forward<F>(function));
}
template <Task F>
TimerId set_timeout(F&& callback, double ms) {
  return detail::loop_for("awl::set_timeout").set_timeout(std::forward<F>(callback), ms);
}
template <Task F, class Rep, class Period>
TimerId set_timeout(F&& callback, std::chrono::duration<Rep, Period> delay) {
  return detail::loop_for("awl::set_timeout").set_timeout(std::forward<F>(callback), delay);
}
inline void clear_timeout(TimerId id) { detail::loop_for("awl::clear_timeout").clear_timeout(id); }
template <Task F>
TimerId set_interval(F&& callback, double ms) {
  return detail::loop_for("awl::set_interval").set_interval(std::forward<F>(callback), ms);
}
template <Task F, class Rep, class Period>
TimerId set_interval(F&& callback, std::chrono::duration<Rep, Period> period) {
  return detail::loop_for("awl::set_interval").set_interval(std::forward<F>(callback), period);
}
inline void clear_interval(TimerId id) { detail::loop_for("awl::clear_interval").clear_interval(id); }
// Posts to the calling thread's loop; from another thread use post(loop, task).
template <Task F>
void post(F&& task) {
  detail::loop_for("awl::post(task) (from a thread without a loop, call awl::post(loop, task))")
      .post(std::forward<F>(task));
}
template <Task F>
void post(EventLoop& loop, F&& task) {
  loop.post(std::forward<F>(task));
}

}  // namespace awl

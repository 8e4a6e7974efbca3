// The single-threaded virtual-time loop behind the runnable library mocks
// (libcoro, async_simple, seastar, boost/cobalt, drogon). Nothing here is a
// library API: it stands in for their thread pools, reactors and timers.
//
// post() queues work for the next turn, after() queues it on a timer of
// virtual time; run_until() runs queued work (ready work first, then the
// earliest timer, advancing the clock to it) until a condition holds, so
// sleeps take no real time and concurrent sleeps overlap: two 100 ms sleeps
// started together end at 100 ms, one after the other at 200 ms. A wait that
// nothing can ever end throws std::logic_error instead of hanging.
#pragma once
#include <chrono>
#include <coroutine>
#include <cstdint>
#include <deque>
#include <map>
#include <memory>
#include <stdexcept>
#include <type_traits>
#include <utility>

namespace mock_loop {
using duration = std::chrono::nanoseconds;

/// A move-only void() callable (std::function needs copyable targets).
class work {
  struct base {
    virtual ~base() = default;
    virtual void call() = 0;
  };
  template <typename F> struct impl final : base {
    F f;
    explicit impl(F fn) : f(std::move(fn)) {}
    void call() override { f(); }
  };
  std::unique_ptr<base> p_;

public:
  work() = default;
  template <typename F>
    requires(!std::is_same_v<std::decay_t<F>, work> && std::is_invocable_v<F &>)
  work(F f) : p_(std::make_unique<impl<F>>(std::move(f))) {}
  explicit operator bool() const noexcept { return p_ != nullptr; }
  void operator()() { p_->call(); }
};

struct state {
  duration now{0};
  std::uint64_t seq = 0;
  std::deque<work> ready;
  std::map<std::pair<duration, std::uint64_t>, work> timers;
};
inline state &get() {
  static state s;
  return s;
}

/// Virtual time since the program started.
inline duration now() { return get().now; }
inline double now_ms() {
  return std::chrono::duration<double, std::milli>(get().now).count();
}

inline void post(work w) { get().ready.push_back(std::move(w)); }
inline void post(std::coroutine_handle<> h) {
  post(work([h] { h.resume(); }));
}
inline void after(duration d, work w) {
  state &s = get();
  s.timers.emplace(std::make_pair(s.now + (d < duration{0} ? duration{0} : d),
                                  s.seq++),
                   std::move(w));
}
inline void after(duration d, std::coroutine_handle<> h) {
  after(d, work([h] { h.resume(); }));
}
/// A blocking sleep: the whole (single) thread stops, so virtual time just
/// moves on without running anything else.
inline void block_for(duration d) {
  if (d > duration{0})
    get().now += d;
}

/// Runs one piece of queued work; false when nothing is queued.
inline bool run_one() {
  state &s = get();
  if (!s.ready.empty()) {
    work w = std::move(s.ready.front());
    s.ready.pop_front();
    w();
    return true;
  }
  if (!s.timers.empty()) {
    auto it = s.timers.begin();
    if (it->first.first > s.now)
      s.now = it->first.first;
    work w = std::move(it->second);
    s.timers.erase(it);
    w();
    return true;
  }
  return false;
}

template <typename Done> void run_until(Done done) {
  while (!done())
    if (!run_one())
      throw std::logic_error(
          "mock_loop: deadlock: waiting for something nothing will finish");
}
/// Runs until no work is left.
inline void run() {
  while (run_one()) {
  }
}
} // namespace mock_loop

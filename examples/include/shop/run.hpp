// Runs an example's job on awl's virtual-time event loop and prints its line
// (shop/print.hpp). With SHOP_TIMELINE=1 in the environment it then prints
// the job's timeline (awl/trace_views.hpp): a bar per coroutine on one time
// axis, SHOP_TIMELINE_AXIS_MS wide if set (to draw two runs at one scale).
#pragma once

#include "shop/print.hpp"

#include <awl/awl.hpp>

#include <cstdio>
#include <cstdlib>
#include <exception>
#include <string>
#include <utility>

namespace shop {

namespace detail {
struct Outcome {
  std::string result;
  double elapsed_ms = -1;
};

// The trace (if any) starts here, so the timeline shows the job alone.
template <class Job>
awl::Promise<void> timed(Job job, awl::EventLoop* loop, Outcome* out, awl::Trace* trace) {
  loop->set_trace(trace);
  out->result = co_await job();
  out->elapsed_ms = loop->now();
}

inline bool timeline_wanted() {
  const char* value = std::getenv("SHOP_TIMELINE");
  return value != nullptr && std::string(value) == "1";
}

inline void print_timeline(const awl::Trace& trace) {
  awl::TimelineOptions options;
  if (const char* axis = std::getenv("SHOP_TIMELINE_AXIS_MS")) options.axis_ms = std::atof(axis);
  std::fputs(awl::timeline(trace, options).c_str(), stdout);
}
}  // namespace detail

// job() is a coroutine returning awl::Promise<std::string>: what the program
// computed. The time is taken when its promise settles, not when the loop
// runs out of work (a receipt still being sent does not count).
template <class Job>
int run_on_virtual_time(const char* program, Job job) {
  awl::EventLoop loop{awl::virtual_time};
  detail::Outcome outcome;
  awl::Trace trace;
  const bool timeline = detail::timeline_wanted();
  awl::Promise<void> done = detail::timed(std::move(job), &loop, &outcome, timeline ? &trace : nullptr);
  bool ran = true;
  try {
    loop.run();
  } catch (const std::exception& e) {
    std::fprintf(stderr, "%s: %s\n", program, e.what());
    ran = false;
  }
  if (!done.is_fulfilled() || !ran) {
    std::fprintf(stderr, "%s: did not finish\n", program);
    return 1;
  }
  print_result(program, outcome.result, outcome.elapsed_ms, "virtual time");
  if (timeline) detail::print_timeline(trace);
  return 0;
}

}  // namespace shop

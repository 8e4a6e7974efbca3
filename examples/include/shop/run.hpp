// Runs an example's job on awl's virtual-time event loop and prints its line
// (shop/print.hpp).
#pragma once

#include "shop/print.hpp"

#include <awl/awl.hpp>

#include <cstdio>
#include <exception>
#include <string>
#include <utility>

namespace shop {

namespace detail {
struct Outcome {
  std::string result;
  double elapsed_ms = -1;
};

template <class Job>
awl::Promise<void> timed(Job job, awl::EventLoop* loop, Outcome* out) {
  out->result = co_await job();
  out->elapsed_ms = loop->now();
}
}  // namespace detail

// job() is a coroutine returning awl::Promise<std::string>: what the program
// computed. The time is taken when its promise settles, not when the loop
// runs out of work (a receipt still being sent does not count).
template <class Job>
int run_on_virtual_time(const char* program, Job job) {
  awl::EventLoop loop{awl::virtual_time};
  detail::Outcome outcome;
  awl::Promise<void> done = detail::timed(std::move(job), &loop, &outcome);
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
  return 0;
}

}  // namespace shop

// RUN: %check_async %s async-unhandled-rejection %t
// Negative: a discarded eager coroutine of this file whose body lets no
// exception out cannot reject, so dropping its promise loses no failure:
// one that awaits nothing, one that catches everything, and one whose
// awaits sit in a try with a handler of the program's own error type (the
// type its operations report). Positives in the same file: a handler of a
// standard type only (a guess about one kind of failure), a handler that
// rethrows, an await outside any try, a throw of another type in the try
// block, and a virtual coroutine (an override elsewhere may let one out).
#include <awl/promise.hpp>
#include <stdexcept>

struct DiskError {
  int code;
};

awl::Promise<int> reload(int disk); // throws DiskError on failure

awl::Promise<void> next_stage_nothing_to_await(int disk) {
  (void)disk;
  co_return;
}
awl::Promise<void> next_stage_catch_all(int disk) {
  try {
    co_await reload(disk);
  } catch (...) {
  }
}
awl::Promise<void> next_stage_own_error(int disk) {
  try {
    co_await reload(disk);
  } catch (const DiskError &) {
  }
}
awl::Promise<void> next_stage_std_only(int disk) {
  try {
    co_await reload(disk);
  } catch (const std::out_of_range &) {
  }
}
awl::Promise<void> next_stage_rethrows(int disk) {
  try {
    co_await reload(disk);
  } catch (const DiskError &) {
    throw;
  }
}
awl::Promise<void> next_stage_uncaught(int disk) { co_await reload(disk); }
awl::Promise<void> next_stage_throws(int disk) {
  try {
    if (co_await reload(disk) < 0)
      throw std::runtime_error("bad disk");
  } catch (const DiskError &) {
  }
}

struct Job {
  virtual ~Job() = default;
  virtual awl::Promise<void> run_stage() {
    try {
      co_await reload(0);
    } catch (const DiskError &) {
    }
  }
};

void on_finished(int disk, Job &job) {
  next_stage_nothing_to_await(disk);
  next_stage_catch_all(disk);
  next_stage_own_error(disk);
  next_stage_std_only(disk);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: the promise returned by 'next_stage_std_only' is discarded: if it rejects, no code observes the exception [async-unhandled-rejection]
  next_stage_rethrows(disk);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: the promise returned by 'next_stage_rethrows' is discarded
  next_stage_uncaught(disk);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: the promise returned by 'next_stage_uncaught' is discarded
  next_stage_throws(disk);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: the promise returned by 'next_stage_throws' is discarded
  job.run_stage();
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: the promise returned by 'run_stage' is discarded
}

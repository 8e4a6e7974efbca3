// RUN: %check_async %s async-await-in-loop %t
// Negative: polling loops. The condition depends on the awaited result, or
// on state nobody in the loop header updates.
#include <awl/promise.hpp>
#include <awl/sleep.hpp>

enum class Status { pending, done };
awl::Promise<Status> poll_job(int job);
awl::Promise<void> process_next();
extern bool stop_requested;

awl::Promise<void> wait_for(int job) {
  Status status = Status::pending;
  do {
    status = co_await poll_job(job);
  } while (status == Status::pending);
  while (co_await poll_job(job) != Status::done) co_await awl::sleep(10);
}

awl::Promise<void> worker() {
  while (!stop_requested) co_await process_next();
}

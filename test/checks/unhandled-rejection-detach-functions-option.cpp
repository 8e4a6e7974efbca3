// RUN: %check_async --config="{CheckOptions: {async-unhandled-rejection.DetachFunctions: 'fire_and_forget;(.*::)?Worker::submit', async-unhandled-rejection.ExtraDetachFunctions: 'coro::task_group::start'}}" %s async-unhandled-rejection %t
// DetachFunctions names more calls that run a task detached (a project's own
// helpers, a library call the profiles lack); ExtraDetachFunctions adds to
// it. Their task argument is looked into as for the libraries' own calls.
#include <coro/coro.hpp>
#include <stdexcept>

void fire_and_forget(coro::task<void> task);
struct Worker {
  void submit(coro::task<void> task);
};

coro::task<void> send_mail(int id) {
  if (id == 0)
    throw std::runtime_error("no recipient");
  co_return;
}

coro::task<void> notify(Worker &worker, coro::thread_pool &pool) {
  fire_and_forget(send_mail(1));
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'fire_and_forget' runs 'send_mail' detached, and 'send_mail' does not catch its exceptions
  worker.submit(send_mail(2));
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: 'submit' runs 'send_mail' detached, and 'send_mail' does not catch its exceptions: if it throws, no code observes the exception [async-unhandled-rejection]
  coro::task_group<coro::thread_pool> group(&pool);
  (void)group.start(send_mail(3));
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: 'start' runs 'send_mail' detached, and 'send_mail' does not catch its exceptions
  co_await group;
}

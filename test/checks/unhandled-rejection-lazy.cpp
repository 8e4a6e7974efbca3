// RUN: %check_async --fix-notes %s async-unhandled-rejection %t
// A lazy task dropped where it is made never starts: a different message.
// In a coroutine the note's fix awaits it; elsewhere there is no fix.
#include <cppcoro/task.hpp>

cppcoro::task<int> make_job(int id);

cppcoro::task<int> run(int id) {
  make_job(id);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: the task returned by 'make_job' is discarded: it is never started, and nothing observes whether it would fail [async-unhandled-rejection]
  // CHECK-FIXES: {{^}}  co_await make_job(id);{{$}}
  co_return co_await make_job(id + 1);
}

void plain(int id) {
  make_job(id);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: the task returned by 'make_job' is discarded: it is never started
}

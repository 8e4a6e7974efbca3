// RUN: %check_async %s async-unhandled-rejection %t
// folly::coro: co_withExecutor(ex, task).start(callback) (or the older
// task.scheduleOn(ex).start(callback)) runs the task detached and gives its
// outcome, a folly::Try, to the callback; a callback that ignores it loses
// the exception.
#include <folly/coro/Task.h>
#include <stdexcept>

struct Metrics {
  void bump(int n);
};

folly::coro::Task<void> report(Metrics &metrics, int n) {
  if (n < 0)
    throw std::invalid_argument("negative");
  metrics.bump(n);
  co_return;
}

void on_tick(folly::Executor *ex, Metrics &metrics) {
  folly::coro::co_withExecutor(ex, report(metrics, 1)).start([](auto &&) {});
  // CHECK-MESSAGES: :[[@LINE-1]]:56: warning: the callback passed to 'start' ignores the task's Try: if 'report' throws, no code observes the exception [async-unhandled-rejection]
  report(metrics, 2).scheduleOn(ex).start([](folly::Try<void> &&) {});
  // CHECK-MESSAGES: :[[@LINE-1]]:37: warning: the callback passed to 'start' ignores the task's Try: if 'report' throws
}

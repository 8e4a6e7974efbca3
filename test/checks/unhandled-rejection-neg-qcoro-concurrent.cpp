// REQUIRES: qcoro
// RUN: %check_async %s async-unhandled-rejection %t -- %qcoro_flags
// QCoro awaits the QFuture of QtConcurrent::run: it fails only with what
// the lambda run on the pool throws. A coroutine whose only await is such a
// run of a lambda that throws nothing cannot reject, so dropping it, or a
// then-chain on it whose continuation throws nothing, loses no failure.
// Compiled against Debian's real QCoro and Qt 6 headers.
#include <QCoroFuture>
#include <QCoroTask>
#include <QSemaphore>
#include <QtConcurrent/QtConcurrentRun>
#include <stdexcept>

struct Device {
  QSemaphore locker{1};

  QCoro::Task<> lock() {
    co_await QtConcurrent::run([this] { locker.acquire(); });
  }
  QCoro::Task<> verify() {
    co_await QtConcurrent::run([] { throw std::runtime_error("bad sector"); });
  }
  QCoro::Task<> scan(); // defined elsewhere: may fail
};

void log_locked();

void start(Device &device) {
  device.lock();
  device.verify();
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: the promise returned by 'verify' is discarded: if it rejects, no code observes the exception [async-unhandled-rejection]
  device.lock().then([] { log_locked(); });
  device.lock().then([] { throw std::logic_error("after the lock"); });
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: the promise chain ending in 'then' is discarded without a rejection handler: if it rejects, no code observes the exception [async-unhandled-rejection]
  device.scan().then([] { log_locked(); });
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: the promise chain ending in 'then' is discarded
}

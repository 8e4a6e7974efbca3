// RUN: %check_async %s async-unhandled-rejection %t
// async_simple: std::move(lazy).via(ex).detach() runs the Lazy on the
// executor and drops its outcome by design (detach discards it); a body
// that does not catch loses its exceptions. Also through a local holding
// the Lazy, and a handler that catches only one exception type.
#include <async_simple/coro/Lazy.h>
#include <async_simple/executors/SimpleExecutor.h>
#include <stdexcept>
#include <string>

using namespace async_simple;

struct Store {
  coro::Lazy<void> put(std::string key, std::string value);
};

coro::Lazy<void> replicate(Store &store, std::string key) {
  co_await store.put(key, "v1");
}

coro::Lazy<void> audit(Store &store) {
  try {
    co_await store.put("audit", "1");
  } catch (const std::out_of_range &) {
    // only one kind of failure is handled: the others escape
  }
}

void on_write(Store &store, Executor *ex, std::string key) {
  replicate(store, key).via(ex).detach();
  // CHECK-MESSAGES: :[[@LINE-1]]:33: warning: 'detach' runs 'replicate' detached, and 'replicate' does not catch its exceptions: if it throws, no code observes the exception [async-unhandled-rejection]
  auto lazy = audit(store);
  std::move(lazy).via(ex).detach();
  // CHECK-MESSAGES: :[[@LINE-1]]:27: warning: 'detach' runs 'audit' detached, and 'audit' does not catch its exceptions
}

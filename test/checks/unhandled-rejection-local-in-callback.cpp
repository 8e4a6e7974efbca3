// RUN: %check_async %s async-unhandled-rejection %t
// Locals in callbacks handed to timers or event handlers are checked like
// any function's: the lambda is the function.
#include "fetch_api.hpp"
#include <functional>

void every_second(std::function<void()> tick);

void schedule(int id) {
  every_second([id] {
    auto refreshed = fetch_count(id);
    // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: the promise in 'refreshed' is never awaited or passed on
  });
  every_second([id] {
    auto refreshed = fetch_count(id);
    (void)refreshed.catch_([](std::exception_ptr) { return 0; });
  });
}

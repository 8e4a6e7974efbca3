// RUN: %check_async %s async-unhandled-rejection %t
// Member functions and plain functions returning a status: the started
// refresh is left behind on the error path.
#include "fetch_api.hpp"

struct Session {
  Service &service;
  bool open = false;

  awl::Promise<int> reload(int key) {
    auto fresh = service.fetch(key);
    // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: the promise in 'fresh' is not awaited or passed on along every path
    if (!open)
      co_return -1;
    co_return co_await fresh;
  }

  bool refresh_later(int key) {
    auto pending = service.fetch(key);
    // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: the promise in 'pending' is not awaited or passed on along every path
    if (!open)
      return false;
    (void)pending.catch_([](std::exception_ptr) { return 0; });
    return true;
  }
};

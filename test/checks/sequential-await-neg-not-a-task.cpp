// RUN: %check_async %s async-sequential-await %t
// Negative: awaitables that are not task types (TaskTypes) are left alone.
#include "fetch_api.hpp"
#include <coroutine>

struct Ready {
  bool await_ready() const noexcept { return true; }
  void await_suspend(std::coroutine_handle<>) const noexcept {}
  int await_resume() const noexcept { return 1; }
};
Ready make_ready(int);

awl::Promise<int> load(int id) {
  int a = co_await make_ready(id);
  int b = co_await make_ready(id + 1);
  co_return a + b;
}

// RUN: %check_async %s async-await-in-loop %t
// Negative: awaiting something that is not a known task type, and awaiting
// eager tasks that are already running (they run concurrently already).
#include <awl/promise.hpp>
#include <coroutine>
#include <vector>

struct Ready {
  bool await_ready() const noexcept { return true; }
  void await_suspend(std::coroutine_handle<>) const noexcept {}
  int await_resume() const noexcept { return 1; }
};
Ready make_ready(int id);
awl::Promise<int> fetch_count(int id);

awl::Promise<int> total(const std::vector<int>& ids) {
  int sum = 0;
  for (int id : ids) sum += co_await make_ready(id);
  std::vector<awl::Promise<int>> running;
  for (int id : ids) running.push_back(fetch_count(id));
  for (auto& task : running) sum += co_await task;
  co_return sum;
}

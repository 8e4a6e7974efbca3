// RUN: %check_async %s async-await-in-loop %t
// Negative: the await is inside a lambda created in the loop (its own
// coroutine: the loop itself starts the tasks without waiting), and a
// coroutine lambda without a loop.
#include <awl/promise.hpp>
#include <awl/when_all.hpp>
#include <vector>

awl::Promise<int> fetch_count(int id);

awl::Promise<int> total(const std::vector<int>& ids) {
  std::vector<awl::Promise<int>> tasks;
  for (int id : ids) {
    tasks.push_back([](int id) -> awl::Promise<int> {
      const int count = co_await fetch_count(id);
      co_return count * 2;
    }(id));
  }
  int sum = 0;
  for (int value : co_await awl::when_all(std::move(tasks))) sum += value;
  co_return sum;
}

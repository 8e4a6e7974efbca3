// RUN: %check_async %s async-await-in-loop %t
// Negative: loops in plain (non-coroutine) functions, and a loop in a
// coroutine that awaits nothing.
#include <awl/promise.hpp>
#include <vector>

awl::Promise<int> fetch_count(int id);

std::vector<awl::Promise<int>> start_all(const std::vector<int>& ids) {
  std::vector<awl::Promise<int>> tasks;
  for (int id : ids) tasks.push_back(fetch_count(id));
  return tasks;
}

awl::Promise<int> count(const std::vector<int>& ids) {
  int n = 0;
  for (int id : ids) n += id;
  co_return n;
}

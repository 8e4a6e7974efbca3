// RUN: %check_async %s async-await-in-loop %t
// Negative: a try block around the await handles each failure on its own:
// when_all would fail fast instead.
#include <awl/promise.hpp>
#include <vector>

awl::Promise<int> fetch_count(int id);

awl::Promise<int> robust_total(const std::vector<int>& ids) {
  int total = 0;
  int failures = 0;
  for (int id : ids) {
    try {
      total += co_await fetch_count(id);
    } catch (...) {
      ++failures;
    }
  }
  co_return total - failures;
}

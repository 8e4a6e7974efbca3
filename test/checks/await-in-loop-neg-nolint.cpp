// RUN: %check_async %s async-await-in-loop %t
// Negative: NOLINT and NOLINTNEXTLINE suppress the warning.
#include <awl/promise.hpp>
#include <vector>

awl::Promise<int> fetch_count(int id);

awl::Promise<std::vector<int>> counts(const std::vector<int>& ids) {
  std::vector<int> out;
  for (int id : ids) out.push_back(co_await fetch_count(id)); // NOLINT(async-await-in-loop)
  for (int id : ids)
    // NOLINTNEXTLINE(async-await-in-loop)
    out.push_back(co_await fetch_count(id));
  co_return out;
}

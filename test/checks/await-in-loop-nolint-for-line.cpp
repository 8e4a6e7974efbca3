// RUN: %check_async %s async-await-in-loop %t
// NOLINT on the loop's first line silences the warning reported at the
// await, as NOLINT on the await's own line does; NOLINTNEXTLINE too.
#include <awl/promise.hpp>
#include <vector>

awl::Promise<int> fetch_count(int id);

awl::Promise<int> total(std::vector<int> ids) {
  int sum = 0;
  for (int id : ids) { // NOLINT(async-await-in-loop)
    sum += co_await fetch_count(id);
  }
  // NOLINTNEXTLINE(async-*)
  for (int id : ids) {
    sum += co_await fetch_count(id);
  }
  for (int id : ids) { // NOLINT
    sum += co_await fetch_count(id);
  }
  for (int id : ids) { // NOLINT(bugprone-*)
    sum += co_await fetch_count(id);
    // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: co_await in a loop runs the iterations one after another; start them together and await once with 'awl::when_all' [async-await-in-loop]
  }
  co_return sum;
}
// CHECK-FIXES: {{^}}  for (auto& count : counts){{$}}

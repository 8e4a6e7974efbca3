// RUN: %check_async %s async-await-in-loop %t
// The result is declared in the body and used by local statements of the
// same iteration only: independent, reported without a fix-it.
#include <awl/promise.hpp>
#include <vector>

awl::Promise<int> fetch_count(int id);

awl::Promise<int> sum_of_squares(const std::vector<int>& ids) {
  int sum = 0;
  for (std::size_t i = 0; i < ids.size(); ++i) {
    const int value = co_await fetch_count(ids[i]);
    // CHECK-NOTES: :[[@LINE-1]]:23: warning: co_await in a loop runs the iterations one after another; start them together and await once with 'awl::when_all' [async-await-in-loop]
    // CHECK-NOTES: :[[@LINE-2]]:23: note: no fix-it: only loops whose body is a single 'co_await f(...);' or 'out.push_back(co_await f(...));' are rewritten
    const int square = value * value;
    sum += square;
  }
  co_return sum;
}

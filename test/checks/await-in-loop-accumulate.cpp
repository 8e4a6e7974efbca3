// RUN: %check_async %s async-await-in-loop %t
// An accumulator ('total +=') is written by the body but read by no operand
// and not by the condition: the iterations are independent. Warning only:
// this shape has no fix-it.
#include <awl/promise.hpp>
#include <vector>

awl::Promise<int> fetch_count(int id);

awl::Promise<int> total_count(const std::vector<int>& ids) {
  int total = 0;
  for (int id : ids) total += co_await fetch_count(id);
  // CHECK-NOTES: :[[@LINE-1]]:31: warning: co_await in a loop runs the iterations one after another; start them together and await once with 'awl::when_all' [async-await-in-loop]
  // CHECK-NOTES: :[[@LINE-2]]:31: note: no fix-it: only loops whose body is a single 'co_await f(...);' or 'out.push_back(co_await f(...));' are rewritten
  co_return total;
}

// RUN: %check_async %s async-await-in-loop %t
// Lazy tasks (cppcoro): the loop is serial all the same, but the check
// knows no when_all over a range for them: a warning without a fix-it.
#include <cppcoro/task.hpp>
#include <vector>

cppcoro::task<int> fetch_count(int id);

cppcoro::task<int> total(std::vector<int> ids) {
  int sum = 0;
  for (int id : ids) {
    co_await fetch_count(id);
    // CHECK-NOTES: :[[@LINE-1]]:5: warning: co_await in a loop runs the iterations one after another; start them together and await once with a when_all combinator [async-await-in-loop]
    // CHECK-NOTES: :[[@LINE-2]]:5: note: no fix-it: no when_all over a range of 'cppcoro::task' is known; set the WhenAllFunction option (the tasks are lazy: they start only when the combined await starts them)
  }
  co_return sum;
}

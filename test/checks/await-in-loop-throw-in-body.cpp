// RUN: %check_async --fix-notes %s async-await-in-loop %t
// Code in the loop body that may throw (a throw in a lambda it calls, in a
// function it calls): the fix starts every iteration's call in one loop and
// uses the results in another, so when an iteration throws, a different set
// of calls has started. The fix is offered on a note that says so.
#include <awl/promise.hpp>
#include <awl/when_all.hpp>
#include <stdexcept>
#include <vector>

awl::Promise<int> fetch_count(int id);

int checked(int value) {
  if (value < 0)
    throw std::out_of_range("negative count");
  return value;
}

awl::Promise<int> total_checked(const std::vector<int> &ids) {
  int total = 0;
  for (int id : ids) {
    const int count = co_await fetch_count(id);
    total += checked(count);
  }
  co_return total;
}
// CHECK-NOTES: :[[@LINE-5]]:23: warning: co_await in a loop runs the iterations one after another; start them together and await once with 'awl::when_all' [async-await-in-loop]
// CHECK-NOTES: :[[@LINE-6]]:23: note: fix-it on this note only (apply with --fix-notes): 'awl::when_all' starts every iteration's call at once and fails fast, while the loop starts a call only after the previous one succeeded, and the loop body may throw, and when it does, a different set of the iterations' calls has started
// CHECK-FIXES: {{^}}    count_tasks.push_back(fetch_count(id));{{$}}

awl::Promise<std::vector<int>> keys_checked(const std::vector<int> &ids) {
  std::vector<int> out;
  for (int id : ids) {
    const int key = [id] {
      if (id < 0)
        throw std::invalid_argument("negative id");
      return id * 2;
    }();
    out.push_back(co_await fetch_count(key));
  }
  co_return out;
}
// CHECK-NOTES: :[[@LINE-4]]:19: warning: co_await in a loop runs the iterations one after another
// CHECK-NOTES: :[[@LINE-5]]:19: note: fix-it on this note only (apply with --fix-notes): {{.*}}, and the loop body may throw, and when it does, a different set of the iterations' calls has started
// CHECK-FIXES: {{^}}    count_tasks.push_back(fetch_count(key));{{$}}

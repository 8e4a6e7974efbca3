// RUN: %check_async %s async-unhandled-rejection %t
// The note names the path that loses the promise: a return, a throw, a
// jump out of the loop body, the next iteration, the end of the function
// (for a function-try-block, after its last handler).
#include "fetch_api.hpp"
#include <stdexcept>

awl::Promise<int> on_return(int id, bool cached) {
  auto user = fetch_user(id);
  if (cached)
    co_return 0;
  User u = co_await user;
  co_return u.id;
}
// CHECK-NOTES: :[[@LINE-6]]:8: warning: the promise in 'user' is not awaited or passed on along every path
// CHECK-NOTES: :[[@LINE-7]]:8: note: no fix-it: where to await it depends on what the function should do when it fails
// CHECK-NOTES: :[[@LINE-6]]:5: note: this return leaves 'user' unobserved

awl::Promise<int> on_throw(int id, bool bad) {
  auto count = fetch_count(id);
  if (bad)
    throw std::invalid_argument("bad id");
  co_return co_await count;
}
// CHECK-NOTES: :[[@LINE-5]]:8: warning: the promise in 'count' is not awaited or passed on along every path
// CHECK-NOTES: :[[@LINE-6]]:8: note: no fix-it
// CHECK-NOTES: :[[@LINE-5]]:5: note: this throw leaves 'count' unobserved

awl::Promise<int> on_continue(int n) {
  int total = 0;
  for (int i = 0; i < n; ++i) {
    auto orders = fetch_orders(i);
    if (i % 2 == 1)
      continue;
    total += co_await orders;
  }
  co_return total;
}
// CHECK-NOTES: :[[@LINE-7]]:10: warning: the promise in 'orders' is not awaited or passed on along every path
// CHECK-NOTES: :[[@LINE-8]]:10: note: no fix-it
// CHECK-NOTES: :[[@LINE-7]]:7: note: the path through this jump leaves 'orders' unobserved

awl::Promise<int> on_fall_through(int id, bool wanted) {
  int result = 0;
  {
    auto name = fetch_count(id);
    if (wanted)
      result = co_await name;
  }
  co_return result;
}
// CHECK-NOTES: :[[@LINE-6]]:10: warning: the promise in 'name' is not awaited or passed on along every path
// CHECK-NOTES: :[[@LINE-7]]:10: note: no fix-it
// CHECK-NOTES: :[[@LINE-4]]:3: note: this return leaves 'name' unobserved

awl::Promise<void> report(int count);

awl::Promise<void> on_end(int id, bool wanted) {
  auto count = fetch_count(id);
  if (wanted)
    co_await report(co_await count);
}
// CHECK-NOTES: :[[@LINE-4]]:8: warning: the promise in 'count' is not awaited or passed on along every path
// CHECK-NOTES: :[[@LINE-5]]:8: note: no fix-it
// CHECK-NOTES: :[[@LINE-3]]:1: note: a path reaches the end of the function without observing 'count'

awl::Promise<void> on_end_of_function_try_block(int id, bool wanted) try {
  auto count = fetch_count(id);
  if (wanted)
    co_await report(co_await count);
} catch (const std::exception &) {
}
// CHECK-NOTES: :[[@LINE-5]]:8: warning: the promise in 'count' is not awaited or passed on along every path
// CHECK-NOTES: :[[@LINE-6]]:8: note: no fix-it
// CHECK-NOTES: :[[@LINE-3]]:1: note: a path reaches the end of the function without observing 'count'

void plain_function(int id, bool skip) {
  auto count = fetch_count(id);
  if (skip)
    return;
  count.catch_([](std::exception_ptr) { return 0; });
}
// CHECK-NOTES: :[[@LINE-5]]:8: warning: the promise in 'count' is not awaited or passed on along every path
// CHECK-NOTES: :[[@LINE-6]]:8: note: no fix-it
// CHECK-NOTES: :[[@LINE-5]]:5: note: this return leaves 'count' unobserved

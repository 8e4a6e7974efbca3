// RUN: %check_async --fix-notes %s async-await-late %t
// A parenthesised operand: the fix starts the call inside the parentheses
// and awaits the started task where the result is needed, parentheses kept.
#include "fetch_api.hpp"

awl::Promise<int> load(int id) {
  int next = id;
  auto a = co_await (fetch_count(next++));
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: co_await of 'fetch_count' waits before 1 later co_await expression that does not need its result; start it here and await it when 'a' is needed [async-await-late]
  auto b = co_await fetch_orders(next);
  co_return a + b;
  // CHECK-FIXES: {{^}}  auto a_task = fetch_count(next++);{{$}}
  // CHECK-FIXES: {{^}}  auto b = co_await fetch_orders(next);{{$}}
  // CHECK-FIXES-NEXT: {{^}}  auto a = co_await (std::move(a_task));{{$}}
  // CHECK-FIXES-NEXT: {{^}}  co_return a + b;{{$}}
}

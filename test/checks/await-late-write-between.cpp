// RUN: %check_async --fix-notes %s async-await-late %t
// A statement between the awaits writes what the later operand reads: no
// when_all. The first call keeps its argument by value, so it can still run
// while the code after it does: await it late (a note fix).
#include "fetch_api.hpp"

awl::Promise<int> load(int id) {
  auto count = co_await fetch_count(id);
  // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: co_await of 'fetch_count' waits before 1 later co_await expression that does not need its result; start it here and await it when 'count' is needed [async-await-late]
  id = id + 1;
  auto orders = co_await fetch_orders(id);
  co_return orders + count;
  // CHECK-FIXES: {{^}}  auto count_task = fetch_count(id);{{$}}
  // CHECK-FIXES: {{^}}  id = id + 1;{{$}}
  // CHECK-FIXES-NEXT: {{^}}  auto orders = co_await fetch_orders(id);{{$}}
  // CHECK-FIXES-NEXT: {{^}}  auto count = co_await std::move(count_task);{{$}}
}

// RUN: %check_async --fix-notes %s async-sequential-await,async-await-in-loop %t
// With --fix-notes every fix is applied: the include still comes once.
#include "fetch_api.hpp"
#include <vector>

awl::Promise<void> notify_twice(std::string to) {
  co_await send_email(to);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 2 independent co_await expressions run one after another; start them together with 'awl::when_all' [async-sequential-await]
  co_await send_email(to + ".copy");
}

awl::Promise<int> totals(int id, std::vector<int> ids) {
  auto orders = co_await fetch_orders(id);
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: 2 independent co_await expressions run one after another; start them together with 'awl::when_all' [async-sequential-await]
  auto count = co_await fetch_count(id);
  int sum = 0;
  for (int each : ids) sum += co_await fetch_count(each);
  // CHECK-MESSAGES: :[[@LINE-1]]:31: warning: co_await in a loop runs the iterations one after another; start them together and await once with 'awl::when_all' [async-await-in-loop]
  co_return orders + count + sum;
}
// CHECK-FIXES: {{^}}#include <awl/when_all.hpp>{{$}}
// CHECK-FIXES-NOT: {{^}}#include <awl/when_all.hpp>{{$}}
// CHECK-FIXES: {{^}}  co_await awl::when_all(send_email(to), send_email(to + ".copy"));{{$}}
// CHECK-FIXES: {{^}}  auto [orders, count] = co_await awl::when_all(fetch_orders(id), fetch_count(id));{{$}}
// CHECK-FIXES: {{^}}  auto counts = co_await awl::when_all(std::move(count_tasks));{{$}}

// RUN: %check_async %s async-sequential-await,async-await-in-loop %t
// Each fix that needs a header gets it, once per file across every async-
// check: with --fix (warnings only) the first warning fix carries the
// include even when an earlier group's fix is on a note (not applied), and
// two checks needing the same header do not add it twice.
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
// CHECK-FIXES: {{^}}  co_await send_email(to);{{$}}
// CHECK-FIXES: {{^}}  auto [orders, count] = co_await awl::when_all(fetch_orders(id), fetch_count(id));{{$}}
// CHECK-FIXES: {{^}}  auto counts = co_await awl::when_all(std::move(count_tasks));{{$}}

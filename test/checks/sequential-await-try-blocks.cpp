// RUN: %check_async --config="{CheckOptions: {async-sequential-await.OrderingSteps: false}}" %s async-sequential-await %t
// Awaits in separate try blocks, each failure handled on its own: started
// together with awl::when_all_settled, each handler still catching exactly
// its own await's exception (get() rethrows it). Declarations, assignments
// and discarded awaits; the header is added. (OrderingSteps off: the
// discarded await would otherwise keep its order.)
#include "fetch_api.hpp"

awl::Promise<int> load(int id) {
  int a = 0, b = 0;
  try {
    a = co_await fetch_count(id);
    // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 3 independent co_await expressions in separate try blocks run one after another; start them together with 'awl::when_all_settled' [async-sequential-await]
  } catch (const std::exception &) {
    a = -1;
  }
  try {
    b = co_await fetch_orders(id);
  } catch (...) {
    b = -2;
  }
  try {
    co_await load_cache(id);
  } catch (...) {
    b += 100;
  }
  // CHECK-FIXES: #include <awl/when_all_settled.hpp>
  // CHECK-FIXES: {{^}}  int a = 0, b = 0;{{$}}
  // CHECK-FIXES-NEXT: {{^}}  auto [a_settled, b_settled, load_cache_settled] = co_await awl::when_all_settled(fetch_count(id), fetch_orders(id), load_cache(id));{{$}}
  // CHECK-FIXES-NEXT: {{^}}  try {{{$}}
  // CHECK-FIXES-NEXT: {{^}}    a = std::move(a_settled).get();{{$}}
  // CHECK-FIXES: {{^}}    b = std::move(b_settled).get();{{$}}
  // CHECK-FIXES: {{^}}    std::move(load_cache_settled).get();{{$}}
  co_return a + b;
}

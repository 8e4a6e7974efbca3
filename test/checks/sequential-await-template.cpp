// RUN: %check_async %s async-sequential-await %t
// A template instantiated twice is reported once, in the primary template
// (FileCheck's implicit check rejects a second warning).
#include "fetch_api.hpp"

template <typename Tag> awl::Promise<int> load(int id) {
  auto a = co_await fetch_count(id);
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: 2 independent co_await expressions run one after another; start them together with 'awl::when_all' [async-sequential-await]
  auto b = co_await fetch_orders(id);
  // CHECK-FIXES: {{^}}  auto [a, b] = co_await awl::when_all(fetch_count(id), fetch_orders(id));{{$}}
  co_return a + b;
}

struct First {};
struct Second {};
awl::Promise<int> use_both(int id) {
  int x = co_await load<First>(id);
  co_return x + co_await load<Second>(id);
}

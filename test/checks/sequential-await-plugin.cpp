// RUN: %check_plugin %s async-sequential-await %t
// The same check loaded into the host clang-tidy-22 from lib/libawaitlint.so.
#include "fetch_api.hpp"

awl::Promise<int> load(int id) {
  auto a = co_await fetch_count(id);
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: 2 independent co_await expressions run one after another; start them together with 'awl::when_all' [async-sequential-await]
  auto b = co_await fetch_orders(id);
  // CHECK-FIXES: {{^}}  auto [a, b] = co_await awl::when_all(fetch_count(id), fetch_orders(id));{{$}}
  co_return a + b;
}

// RUN: %check_async %s async-sequential-await %t
// A structured-binding await in a group is kept as a binding of its value.
#include "fetch_api.hpp"

awl::Promise<int> load(int id) {
  auto [key, label] = co_await fetch_pair(id);
  // CHECK-MESSAGES: :[[@LINE-1]]:23: warning: 2 independent co_await expressions run one after another; start them together with 'awl::when_all' [async-sequential-await]
  auto count = co_await fetch_count(id);
  // CHECK-FIXES: {{^}}  auto [pair, count] = co_await awl::when_all(fetch_pair(id), fetch_count(id));{{$}}
  // CHECK-FIXES-NEXT: {{^}}  auto [key, label] = std::move(pair);{{$}}
  co_return key + count + static_cast<int>(label.size());
}

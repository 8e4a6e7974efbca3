// RUN: %check_async %s async-await-in-loop %t
// A while loop counted by its own condition ('n-- > 0'): the body does not
// decide when it ends, so the iterations are independent.
#include <awl/promise.hpp>

awl::Promise<void> load_shard(int shard);

awl::Promise<void> reload(int n) {
  while (n-- > 0) co_await load_shard(n);
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: co_await in a loop runs the iterations one after another; start them together and await once with 'awl::when_all' [async-await-in-loop]
  // CHECK-FIXES: {{^}}#include <awl/when_all.hpp>{{$}}
  // CHECK-FIXES: {{^}}  std::vector<awl::Promise<void>> shard_tasks;{{$}}
  // CHECK-FIXES-NEXT: {{^}}  while (n-- > 0) shard_tasks.push_back(load_shard(n));{{$}}
  // CHECK-FIXES-NEXT: {{^}}  co_await awl::when_all(std::move(shard_tasks));{{$}}
}

// RUN: %check_async %s async-await-in-loop %t
// A counted loop whose awaited results are discarded: collect the tasks,
// then one `co_await awl::when_all(...)`. The braces of the body are kept.
#include <awl/promise.hpp>

awl::Promise<void> load_cache(int shard);

awl::Promise<void> warm_up(int shards) {
  for (int i = 0; i < shards; ++i) {
    co_await load_cache(i);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: co_await in a loop runs the iterations one after another; start them together and await once with 'awl::when_all' [async-await-in-loop]
  }
  // CHECK-FIXES: {{^}}#include <awl/when_all.hpp>{{$}}
  // CHECK-FIXES: {{^}}  std::vector<awl::Promise<void>> cache_tasks;{{$}}
  // CHECK-FIXES-NEXT: {{^}}  cache_tasks.reserve(shards);{{$}}
  // CHECK-FIXES: {{^}}    cache_tasks.push_back(load_cache(i));{{$}}
  // CHECK-FIXES: {{^}}  co_await awl::when_all(std::move(cache_tasks));{{$}}
}

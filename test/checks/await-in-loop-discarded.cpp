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
  // CHECK-FIXES: #include <awl/when_all.hpp>
  // CHECK-FIXES: {{^}}awl::Promise<void> warm_up(int shards) {{{$}}
  // CHECK-FIXES-NEXT: {{^}}  {{{$}}
  // CHECK-FIXES-NEXT: {{^}}    std::vector<awl::Promise<void>> promises;{{$}}
  // CHECK-FIXES-NEXT: {{^}}    for (int i = 0; i < shards; ++i) {{{$}}
  // CHECK-FIXES-NEXT: {{^}}      promises.push_back(load_cache(i));{{$}}
  // CHECK-FIXES-NEXT: {{^}}      //{{$}}
  // CHECK-FIXES-NEXT: {{^}}    }{{$}}
  // CHECK-FIXES-NEXT: {{^}}    co_await awl::when_all(std::move(promises));{{$}}
  // CHECK-FIXES-NEXT: {{^}}  }{{$}}
}

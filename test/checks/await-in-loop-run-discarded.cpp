// RUN: %check_async --fix-notes %s async-await-in-loop %t
// RUN-AND-COMPARE
// ELAPSED-BEFORE: 400ms
// ELAPSED-AFTER: 100ms
// Four independent 100 ms cache loads, results discarded: 400 ms in the loop,
// 100 ms collected and awaited once ('warm' prints, so the fix-it is on a
// note: --fix-notes; the lines come out in the same order). A callee that
// writes a global each time is left alone (await-in-loop-neg-shared-state).
#include <awl/awl.hpp>
#include <cstdio>

awl::Promise<void> warm(int shard) {
  co_await awl::sleep(100);
  std::printf("shard %d warm: %d\n", shard, shard * shard);
}

awl::Promise<void> warm_all() {
  for (int shard = 0; shard < 4; ++shard) {
    co_await warm(shard);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: co_await in a loop runs the iterations one after another; start them together and await once with 'awl::when_all' [async-await-in-loop]
  }
  // CHECK-FIXES: {{^}}  std::vector<awl::Promise<void>> warm_tasks;{{$}}
  // CHECK-FIXES-NEXT: {{^}}  warm_tasks.reserve(4);{{$}}
  // CHECK-FIXES: {{^}}    warm_tasks.push_back(warm(shard));{{$}}
  // CHECK-FIXES: {{^}}  co_await awl::when_all(std::move(warm_tasks));{{$}}
}

int main() {
  awl::EventLoop loop{awl::virtual_time};
  const double start = loop.now();
  (void)warm_all().then([&] { std::printf("elapsed %.0fms\n", loop.now() - start); });
  loop.run();
}

// RUN: %check_async --fix-notes %s async-sequential-await %t
// RUN-AND-COMPARE
// ELAPSED-BEFORE: 350ms
// ELAPSED-AFTER: 200ms
// Two void loads (150 ms and 200 ms) of the same operation awaited in turn
// take 350 ms; started together, 200 ms. Both still run to completion and
// print. The callee prints, so the fix is on a note (lines may come out in
// another order; here they do not).
#include <awl/awl.hpp>
#include <cstdio>

awl::Promise<void> load_cache(int id, double ms) {
  co_await awl::sleep(ms);
  std::printf("cache %d loaded\n", id);
}

awl::Promise<void> warm_up(int id) {
  co_await load_cache(id, 150);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 2 independent co_await expressions run one after another; start them together with 'awl::when_all' [async-sequential-await]
  co_await load_cache(id + 1, 200);
  // CHECK-FIXES: {{^}}  co_await awl::when_all(load_cache(id, 150), load_cache(id + 1, 200));{{$}}
}

int main() {
  awl::EventLoop loop{awl::virtual_time};
  const double start = loop.now();
  (void)warm_up(7).then([&] { std::printf("elapsed %.0fms\n", loop.now() - start); });
  loop.run();
}

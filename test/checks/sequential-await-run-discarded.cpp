// RUN: %check_async %s async-sequential-await %t
// RUN-AND-COMPARE
// ELAPSED-BEFORE: 350ms
// ELAPSED-AFTER: 200ms
// Two void loads (150 ms and 200 ms) awaited in turn take 350 ms; started
// together, 200 ms. Both still run to completion and print.
#include <awl/awl.hpp>
#include <cstdio>

awl::Promise<void> load_cache(int id) {
  co_await awl::sleep(150);
  std::printf("cache %d loaded\n", id);
}
awl::Promise<void> load_config() {
  co_await awl::sleep(200);
  std::printf("config loaded\n");
}

awl::Promise<void> warm_up(int id) {
  co_await load_cache(id);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 2 independent co_await expressions run one after another; start them together with 'awl::when_all' [async-sequential-await]
  co_await load_config();
  // CHECK-FIXES: {{^}}  co_await awl::when_all(load_cache(id), load_config());{{$}}
}

int main() {
  awl::EventLoop loop{awl::virtual_time};
  const double start = loop.now();
  warm_up(7).then([&] { std::printf("elapsed %.0fms\n", loop.now() - start); });
  loop.run();
}

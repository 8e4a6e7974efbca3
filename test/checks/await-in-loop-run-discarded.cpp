// RUN: %check_async --fix-notes %s async-await-in-loop %t
// RUN-AND-COMPARE
// ELAPSED-BEFORE: 400ms
// ELAPSED-AFTER: 100ms
// Four independent 100 ms cache loads, results discarded: 400 ms in the loop,
// 100 ms collected and awaited once ('warm' is not known to be free of side
// effects, so the fix-it is on a note: --fix-notes).
#include <awl/awl.hpp>
#include <array>
#include <cstdio>

std::array<int, 4> cache{};

awl::Promise<void> warm(int shard) {
  co_await awl::sleep(100);
  cache[shard] = shard * shard;
}

awl::Promise<void> warm_all() {
  for (int shard = 0; shard < 4; ++shard) {
    co_await warm(shard);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: co_await in a loop runs the iterations one after another; start them together and await once with 'awl::when_all' [async-await-in-loop]
  }
  // CHECK-FIXES: {{^}}    co_await awl::when_all(std::move(promises));{{$}}
}

int main() {
  awl::EventLoop loop{awl::virtual_time};
  const double start = loop.now();
  warm_all().then([&] {
    for (int value : cache) std::printf("%d\n", value);
    std::printf("elapsed %.0fms\n", loop.now() - start);
  });
  loop.run();
}

// RUN: %check_async --config="{CheckOptions: {async-sequential-await.OrderingSteps: false}}" %s async-sequential-await %t
// RUN-AND-COMPARE
// ELAPSED-BEFORE: 300ms
// ELAPSED-AFTER: 100ms
// Boost.Cobalt: join gives a void operand a placeholder slot
// (variant2::monostate), which the fix binds and leaves unused. (OrderingSteps
// off: the void await would otherwise keep its order.)
#include <boost/cobalt.hpp>
#include <boost/cobalt/io/sleep.hpp>
#include <chrono>
#include <cstdio>

namespace cobalt = boost::cobalt;
using namespace std::chrono_literals;

cobalt::promise<int> fetch_count(int id) {
  co_await cobalt::io::sleep(100ms);
  co_return id * 10;
}
cobalt::task<void> warm_cache(int id) { co_await cobalt::io::sleep(100ms); }

cobalt::main co_main(int, char *[]) {
  const double t0 = mock_loop::now_ms();
  int count = co_await fetch_count(1);
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: 3 independent co_await expressions run one after another; start them together with 'boost::cobalt::join' [async-sequential-await]
  co_await warm_cache(2);
  int more = co_await fetch_count(3);
  // CHECK-FIXES: {{^}}  auto [count, warm_cache_done, more] = co_await boost::cobalt::join(fetch_count(1), warm_cache(2), fetch_count(3));{{$}}
  std::printf("%d %d\n", count, more);
  std::printf("elapsed %.0fms\n", mock_loop::now_ms() - t0);
  co_return 0;
}

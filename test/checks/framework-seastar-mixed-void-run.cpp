// RUN: %check_async --config="{CheckOptions: {async-sequential-await.OrderingSteps: false}}" %s async-sequential-await %t
// RUN-AND-COMPARE
// ELAPSED-BEFORE: 300ms
// ELAPSED-AFTER: 100ms
// Seastar: when_all_succeed drops a future<> operand from its tuple, so the
// fix binds only the values. (OrderingSteps off: the void await would
// otherwise keep its order.)
#include <seastar/core/app-template.hh>
#include <seastar/core/coroutine.hh>
#include <seastar/core/future.hh>
#include <seastar/core/sleep.hh>
#include <chrono>
#include <cstdio>

using namespace std::chrono_literals;

seastar::future<int> fetch_count(int id) {
  co_await seastar::sleep(100ms);
  co_return id * 10;
}
seastar::future<> warm_cache(int id) { co_await seastar::sleep(100ms); }

seastar::future<> run() {
  const double t0 = mock_loop::now_ms();
  int count = co_await fetch_count(1);
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: 3 independent co_await expressions run one after another; start them together with 'seastar::when_all_succeed' [async-sequential-await]
  co_await warm_cache(2);
  int more = co_await fetch_count(3);
  // CHECK-FIXES: {{^}}  auto [count, more] = co_await seastar::when_all_succeed(fetch_count(1), warm_cache(2), fetch_count(3));{{$}}
  std::printf("%d %d\n", count, more);
  std::printf("elapsed %.0fms\n", mock_loop::now_ms() - t0);
}

int main(int argc, char **argv) {
  seastar::app_template app;
  return app.run(argc, argv, [] { return run(); });
}

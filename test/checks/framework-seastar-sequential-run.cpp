// RUN: %check_async %s async-sequential-await %t
// RUN-AND-COMPARE
// ELAPSED-BEFORE: 500ms
// ELAPSED-AFTER: 200ms
// Seastar: when_all_succeed gives a tuple of the values (structured
// bindings; a declared type that differs gets its own conversion) and drops
// future<> operands, so the same void operation awaited twice needs no
// unpacking.
#include <seastar/core/app-template.hh>
#include <seastar/core/coroutine.hh>
#include <seastar/core/future.hh>
#include <seastar/core/sleep.hh>
#include <chrono>
#include <cstdio>
#include <string>

using namespace std::chrono_literals;

seastar::future<int> fetch_count(int id) {
  co_await seastar::sleep(100ms);
  co_return id * 10;
}
seastar::future<std::string> fetch_name(int id) {
  co_await seastar::sleep(100ms);
  co_return "user" + std::to_string(id);
}
seastar::future<> warm_cache(int id) { co_await seastar::sleep(100ms); }

seastar::future<> run() {
  const double t0 = mock_loop::now_ms();
  int count = co_await fetch_count(1);
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: 3 independent co_await expressions run one after another; start them together with 'seastar::when_all_succeed' [async-sequential-await]
  std::string name = co_await fetch_name(2);
  long more = co_await fetch_count(3);
  co_await warm_cache(1);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 2 independent co_await expressions run one after another; start them together with 'seastar::when_all_succeed' [async-sequential-await]
  co_await warm_cache(1);
  // CHECK-FIXES: {{^}}#include <seastar/core/when_all.hh>{{$}}
  // CHECK-FIXES: {{^}}  auto [count, name, more_value] = co_await seastar::when_all_succeed(fetch_count(1), fetch_name(2), fetch_count(3));{{$}}
  // CHECK-FIXES-NEXT: {{^}}  long more = more_value;{{$}}
  // CHECK-FIXES: {{^}}  co_await seastar::when_all_succeed(warm_cache(1), warm_cache(1));{{$}}
  std::printf("%d %s %ld\n", count, name.c_str(), more);
  std::printf("elapsed %.0fms\n", mock_loop::now_ms() - t0);
}

int main(int argc, char **argv) {
  seastar::app_template app;
  return app.run(argc, argv, [] { return run(); });
}

// RUN: %check_async %s async-sequential-await %t
// RUN-AND-COMPARE
// ELAPSED-BEFORE: 500ms
// ELAPSED-AFTER: 200ms
// Boost.Cobalt: join takes eager promises and lazy tasks alike and gives a
// tuple of the values (structured bindings; a declared type that differs
// gets its own conversion); joining only void operands gives void.
#include <boost/cobalt.hpp>
#include <boost/cobalt/io/sleep.hpp>
#include <chrono>
#include <cstdio>
#include <string>

namespace cobalt = boost::cobalt;
using namespace std::chrono_literals;

cobalt::promise<int> fetch_count(int id) {
  co_await cobalt::io::sleep(100ms);
  co_return id * 10;
}
cobalt::task<std::string> fetch_name(int id) {
  co_await cobalt::io::sleep(100ms);
  co_return "user" + std::to_string(id);
}
cobalt::task<void> warm_cache(int id) { co_await cobalt::io::sleep(100ms); }

cobalt::main co_main(int, char *[]) {
  const double t0 = mock_loop::now_ms();
  int count = co_await fetch_count(1);
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: 3 independent co_await expressions run one after another; start them together with 'boost::cobalt::join' [async-sequential-await]
  std::string name = co_await fetch_name(2);
  long more = co_await fetch_count(3);
  co_await warm_cache(1);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 2 independent co_await expressions run one after another; start them together with 'boost::cobalt::join' [async-sequential-await]
  co_await warm_cache(1);
  // CHECK-FIXES: {{^}}  auto [count, name, more_value] = co_await boost::cobalt::join(fetch_count(1), fetch_name(2), fetch_count(3));{{$}}
  // CHECK-FIXES-NEXT: {{^}}  long more = more_value;{{$}}
  // CHECK-FIXES: {{^}}  co_await boost::cobalt::join(warm_cache(1), warm_cache(1));{{$}}
  std::printf("%d %s %ld\n", count, name.c_str(), more);
  std::printf("elapsed %.0fms\n", mock_loop::now_ms() - t0);
  co_return 0;
}

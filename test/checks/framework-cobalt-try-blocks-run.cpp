// RUN: %check_async --fix-notes %s async-sequential-await %t
// RUN-AND-COMPARE
// ELAPSED-BEFORE: 300ms
// ELAPSED-AFTER: 100ms
// Boost.Cobalt: awaits in separate try blocks start together with gather,
// which never throws; each handler still catches its own await's exception,
// rethrown by system::result::value() (the second call fails here). The
// handler that logs puts the fix on a note (--fix-notes).
#include <boost/cobalt.hpp>
#include <boost/cobalt/io/sleep.hpp>
#include <chrono>
#include <cstdio>
#include <stdexcept>
#include <string>

namespace cobalt = boost::cobalt;
using namespace std::chrono_literals;

cobalt::promise<int> fetch_count(int id) {
  co_await cobalt::io::sleep(100ms);
  if (id < 0)
    throw std::runtime_error("no count");
  co_return id * 10;
}
cobalt::task<std::string> fetch_name(int id) {
  co_await cobalt::io::sleep(100ms);
  co_return "user" + std::to_string(id);
}

cobalt::main co_main(int, char *[]) {
  const double t0 = mock_loop::now_ms();
  int count = 0, more = 0;
  std::string name;
  try {
    name = co_await fetch_name(7);
    // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: 3 independent co_await expressions in separate try blocks run one after another; start them together with 'boost::cobalt::gather' [async-sequential-await]
  } catch (...) {
    name = "?";
  }
  try {
    count = co_await fetch_count(-7);
  } catch (const std::exception &e) {
    std::printf("count failed: %s\n", e.what());
  }
  try {
    more = co_await fetch_count(8);
  } catch (...) {
    more = -1;
  }
  // CHECK-FIXES: {{^}}  auto [name_settled, count_settled, more_settled] = co_await boost::cobalt::gather(fetch_name(7), fetch_count(-7), fetch_count(8));{{$}}
  // CHECK-FIXES-NEXT: {{^}}  try {{{$}}
  // CHECK-FIXES-NEXT: {{^}}    name = std::move(name_settled).value();{{$}}
  // CHECK-FIXES: {{^}}    count = std::move(count_settled).value();{{$}}
  // CHECK-FIXES: {{^}}    more = std::move(more_settled).value();{{$}}
  std::printf("%d %s %d\n", count, name.c_str(), more);
  std::printf("elapsed %.0fms\n", mock_loop::now_ms() - t0);
  co_return 0;
}

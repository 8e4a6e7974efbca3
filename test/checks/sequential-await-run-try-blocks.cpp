// RUN: %check_async %s async-sequential-await %t
// RUN-AND-COMPARE
// ELAPSED-BEFORE: 300ms
// ELAPSED-AFTER: 100ms
// Three 100 ms calls in separate try blocks, the second failing: started
// together with when_all_settled they take 100 ms, and every handler still
// sees exactly the failure it saw before (300 ms -> 100 ms, same output).
#include <awl/awl.hpp>
#include <cstdio>
#include <stdexcept>
#include <string>

awl::Promise<int> fetch_count(int id) {
  co_await awl::sleep(100);
  co_return id * 2;
}
awl::Promise<std::string> fetch_name(int id) {
  co_await awl::sleep(100);
  throw std::runtime_error("no name for " + std::to_string(id));
}
awl::Promise<bool> is_cached(int) {
  co_await awl::sleep(100);
  co_return true;
}

awl::Promise<std::string> refresh(int id) {
  int count = 0;
  std::string name = "?";
  bool cached = true;
  try {
    count = co_await fetch_count(id);
    // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: 3 independent co_await expressions in separate try blocks run one after another; start them together with 'awl::when_all_settled' [async-sequential-await]
  } catch (const std::exception &e) {
    count = -1;
  }
  try {
    name = co_await fetch_name(id);
  } catch (const std::runtime_error &e) {
    name = std::string("failed: ") + e.what();
  }
  try {
    cached = co_await is_cached(id);
  } catch (...) {
    cached = false;
  }
  // CHECK-FIXES: {{^}}  auto [count_settled, name_settled, cached_settled] = co_await awl::when_all_settled(fetch_count(id), fetch_name(id), is_cached(id));{{$}}
  // CHECK-FIXES: {{^}}    count = std::move(count_settled).get();{{$}}
  // CHECK-FIXES: {{^}}    name = std::move(name_settled).get();{{$}}
  // CHECK-FIXES: {{^}}    cached = std::move(cached_settled).get();{{$}}
  co_return std::to_string(count) + " " + name + " " + (cached ? "cached" : "cold");
}

int main() {
  awl::EventLoop loop{awl::virtual_time};
  const double start = loop.now();
  (void)refresh(21).then([&](const std::string &text) {
    std::printf("%s\n", text.c_str());
    std::printf("elapsed %.0fms\n", loop.now() - start);
  });
  loop.run();
}

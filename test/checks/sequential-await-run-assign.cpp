// RUN: %check_async %s async-sequential-await %t
// RUN-AND-COMPARE
// ELAPSED-BEFORE: 300ms
// ELAPSED-AFTER: 100ms
// Assignments to existing variables (std::tie form), plus a local statement
// between the awaits, three 100 ms calls: 300 ms -> 100 ms.
#include <awl/awl.hpp>
#include <cstdio>
#include <string>

awl::Promise<int> fetch_orders(int id) {
  co_await awl::sleep(100);
  co_return id * 3;
}
awl::Promise<std::string> fetch_name(int id) {
  co_await awl::sleep(100);
  co_return "name-" + std::to_string(id);
}
awl::Promise<double> fetch_score(int id) {
  co_await awl::sleep(100);
  co_return id / 4.0;
}

awl::Promise<std::string> refresh(int id) {
  int orders = 0;
  std::string name = "none";
  double score = 0;
  orders = co_await fetch_orders(id);
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: 3 independent co_await expressions run one after another; start them together with 'awl::when_all' [async-sequential-await]
  const int scale = 2;
  name = co_await fetch_name(id);
  score = co_await fetch_score(id);
  // CHECK-FIXES: {{^}}  const int scale = 2;{{$}}
  // CHECK-FIXES: {{^}}  std::tie(orders, name, score) = co_await awl::when_all(fetch_orders(id), fetch_name(id), fetch_score(id));{{$}}
  co_return name + " " + std::to_string(orders * scale) + " " + std::to_string(score);
}

int main() {
  awl::EventLoop loop{awl::virtual_time};
  const double start = loop.now();
  (void)refresh(12).then([&](const std::string &text) {
    std::printf("%s\n", text.c_str());
    std::printf("elapsed %.0fms\n", loop.now() - start);
  });
  loop.run();
}

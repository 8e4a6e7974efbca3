// RUN: %check_async %s async-sequential-await %t
// RUN-AND-COMPARE
// ELAPSED-BEFORE: 300ms
// ELAPSED-AFTER: 100ms
// The article's loadDashboard: three independent 100 ms fetches awaited one
// after another take the sum (300 ms); started together, the max (100 ms).
#include <awl/awl.hpp>
#include <cstdio>
#include <string>

awl::Promise<std::string> fetch_user(int id) {
  co_await awl::sleep(100);
  co_return "user-" + std::to_string(id);
}
awl::Promise<int> fetch_orders(int id) {
  co_await awl::sleep(100);
  co_return id * 3;
}
awl::Promise<double> fetch_stats(int id) {
  co_await awl::sleep(100);
  co_return id / 2.0;
}

awl::Promise<std::string> load_dashboard(int id) {
  auto user = co_await fetch_user(id);
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: 3 independent co_await expressions run one after another; start them together with 'awl::when_all' [async-sequential-await]
  auto orders = co_await fetch_orders(id);
  auto stats = co_await fetch_stats(id);
  // CHECK-FIXES: {{^}}  auto [user, orders, stats] = co_await awl::when_all(fetch_user(id), fetch_orders(id), fetch_stats(id));{{$}}
  co_return user + " orders=" + std::to_string(orders) +
      " stats=" + std::to_string(stats);
}

int main() {
  awl::EventLoop loop{awl::virtual_time};
  const double start = loop.now();
  (void)load_dashboard(42).then([&](const std::string &dashboard) {
    std::printf("%s\n", dashboard.c_str());
    std::printf("elapsed %.0fms\n", loop.now() - start);
  });
  loop.run();
}

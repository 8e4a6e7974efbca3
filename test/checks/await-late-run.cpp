// RUN: %check_async --fix-notes %s async-await-late %t
// RUN-AND-COMPARE
// ELAPSED-BEFORE: 300ms
// ELAPSED-AFTER: 200ms
// Start early, await late: the config is not needed until the end, but the
// code after it cannot be grouped with it (a branch, then a call that
// depends on the branch). Awaiting the eager promise where its result is
// used lets it load during the other two calls: 300 ms -> 200 ms. It is
// awaited before the printf: output is an effect it must not be moved past.
#include <awl/awl.hpp>
#include <cstdio>

awl::Promise<int> fetch_config(int id) {
  co_await awl::sleep(100);
  co_return id + 1;
}
awl::Promise<int> fetch_extra(int id) {
  co_await awl::sleep(100);
  co_return id * 2;
}
awl::Promise<int> fetch_orders(int id) {
  co_await awl::sleep(100);
  co_return id * 3;
}

awl::Promise<int> report(int id, bool detailed) {
  const int config = co_await fetch_config(id);
  // CHECK-MESSAGES: :[[@LINE-1]]:22: warning: co_await of 'fetch_config' waits before 2 later co_await expressions that do not need its result; start it here and await it when 'config' is needed [async-await-late]
  int extra = 0;
  if (detailed) {
    extra = co_await fetch_extra(id);
  }
  const int orders = co_await fetch_orders(id + extra);
  std::printf("orders %d\n", orders);
  co_return config * 1000 + orders;
  // CHECK-FIXES: {{^}}  auto config_task = fetch_config(id);{{$}}
  // CHECK-FIXES: {{^}}  int extra = 0;{{$}}
  // CHECK-FIXES: {{^}}  const int orders = co_await fetch_orders(id + extra);{{$}}
  // CHECK-FIXES-NEXT: {{^}}  const int config = co_await std::move(config_task);{{$}}
  // CHECK-FIXES-NEXT: {{^}}  std::printf("orders %d\n", orders);{{$}}
  // CHECK-FIXES-NEXT: {{^}}  co_return config * 1000 + orders;{{$}}
}

int main() {
  awl::EventLoop loop{awl::virtual_time};
  const double start = loop.now();
  (void)report(4, true).then([&](int total) {
    std::printf("total %d\n", total);
    std::printf("elapsed %.0fms\n", loop.now() - start);
  });
  loop.run();
}

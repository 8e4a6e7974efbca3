// RUN: %check_async %s async-sequential-await %t
// Two independent `auto x = co_await f(...)` become one structured binding.
#include <awl/promise.hpp>
#include <string>

awl::Promise<std::string> fetch_user(int id);
awl::Promise<int> fetch_orders(int id);

awl::Promise<int> load(int id) {
  auto user = co_await fetch_user(id);
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: 2 independent co_await expressions run one after another; start them together with 'awl::when_all' [async-sequential-await]
  auto orders = co_await fetch_orders(id);
  // CHECK-FIXES: #include <awl/when_all.hpp>
  // CHECK-FIXES: {{^}}awl::Promise<int> load(int id) {{{$}}
  // CHECK-FIXES-NEXT: {{^}}  //{{$}}
  // CHECK-FIXES-NEXT: {{^}}  auto [user, orders] = co_await awl::when_all(fetch_user(id), fetch_orders(id));{{$}}
  co_return static_cast<int>(user.size()) + orders;
}

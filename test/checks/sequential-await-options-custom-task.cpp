// RUN: %check_async --config="{CheckOptions: {async-sequential-await.TaskTypes: '::mylib::Job', async-sequential-await.WhenAllFunction: 'mylib::join_all', async-sequential-await.WhenAllHeader: '<jobs_join.hpp>'}}" %s async-sequential-await %t
// TaskTypes, WhenAllFunction and WhenAllHeader teach the check a library.
#include <jobs.hpp>

mylib::Job<int> fetch_count(int id);
mylib::Job<int> fetch_orders(int id);

mylib::Job<int> load(int id) {
  auto a = co_await fetch_count(id);
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: 2 independent co_await expressions run one after another; start them together with 'mylib::join_all' [async-sequential-await]
  auto b = co_await fetch_orders(id);
  // CHECK-FIXES: #include <jobs_join.hpp>
  // CHECK-FIXES: {{^}}  auto [a, b] = co_await mylib::join_all(fetch_count(id), fetch_orders(id));{{$}}
  co_return a + b;
}

// RUN: %check_async %s async-await-in-loop %t
// A range-for with a structured binding; the argument is passed by value.
#include <awl/promise.hpp>
#include <map>
#include <string>
#include <vector>

awl::Promise<int> fetch_orders(int user_id);

awl::Promise<std::vector<int>> orders(const std::map<int, std::string>& users) {
  std::vector<int> out;
  for (const auto& [id, name] : users) out.push_back(co_await fetch_orders(id));
  // CHECK-MESSAGES: :[[@LINE-1]]:54: warning: co_await in a loop runs the iterations one after another; start them together and await once with 'awl::when_all' [async-await-in-loop]
  // CHECK-FIXES: {{^}}#include <awl/when_all.hpp>{{$}}
  // CHECK-FIXES: {{^}}  std::vector<awl::Promise<int>> orders_tasks;{{$}}
  // CHECK-FIXES-NEXT: {{^}}  orders_tasks.reserve(users.size());{{$}}
  // CHECK-FIXES-NEXT: {{^}}  for (const auto& [id, name] : users) orders_tasks.push_back(fetch_orders(id));{{$}}
  // CHECK-FIXES-NEXT: {{^}}  auto orders_results = co_await awl::when_all(std::move(orders_tasks));{{$}}
  // CHECK-FIXES-NEXT: {{^}}  for (auto& orders : orders_results){{$}}
  // CHECK-FIXES-NEXT: {{^}}    out.push_back(orders);{{$}}
  co_return out;
}

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
  // CHECK-FIXES: {{^}}    std::vector<awl::Promise<int>> promises;{{$}}
  // CHECK-FIXES-NEXT: {{^}}    for (const auto& [id, name] : users) promises.push_back(fetch_orders(id));{{$}}
  co_return out;
}

// RUN: %check_async %s async-await-in-loop %t
// A const member function ('lookup') of an object that outlives the loop:
// side-effect free by name, so the fix-it is on the warning.
#include <awl/promise.hpp>
#include <vector>

struct Database {
  awl::Promise<int> lookup(int key) const;
};

awl::Promise<std::vector<int>> rows(const Database& db, const std::vector<int>& keys) {
  std::vector<int> out;
  for (int key : keys) out.push_back(co_await db.lookup(key));
  // CHECK-MESSAGES: :[[@LINE-1]]:38: warning: co_await in a loop runs the iterations one after another; start them together and await once with 'awl::when_all' [async-await-in-loop]
  // CHECK-FIXES: {{^}}#include <awl/when_all.hpp>{{$}}
  // CHECK-FIXES: {{^}}  std::vector<awl::Promise<int>> lookup_tasks;{{$}}
  // CHECK-FIXES-NEXT: {{^}}  lookup_tasks.reserve(keys.size());{{$}}
  // CHECK-FIXES-NEXT: {{^}}  for (int key : keys) lookup_tasks.push_back(db.lookup(key));{{$}}
  // CHECK-FIXES-NEXT: {{^}}  auto lookups = co_await awl::when_all(std::move(lookup_tasks));{{$}}
  // CHECK-FIXES-NEXT: {{^}}  for (auto& lookup : lookups){{$}}
  // CHECK-FIXES-NEXT: {{^}}    out.push_back(lookup);{{$}}
  co_return out;
}

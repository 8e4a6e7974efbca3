// RUN: %check_async --fix-notes --config="{CheckOptions: {async-await-in-loop.SameObjectIsDependent: false}}" %s async-await-in-loop %t
// SameObjectIsDependent=false: calls on one (non-const) object may run
// together. The call is a non-const member function, so the fix-it is on a
// note; --fix-notes applies it.
#include <awl/promise.hpp>
#include <vector>

struct Database {
  awl::Promise<int> query(int key);  // non-const: a connection
};

awl::Promise<std::vector<int>> rows(Database& db, int n) {
  std::vector<int> out;
  for (int key = 0; key < n; ++key) out.push_back(co_await db.query(key));
  // CHECK-MESSAGES: :[[@LINE-1]]:51: warning: co_await in a loop runs the iterations one after another; start them together and await once with 'awl::when_all' [async-await-in-loop]
  // CHECK-FIXES: {{^}}#include <awl/when_all.hpp>{{$}}
  // CHECK-FIXES: {{^}}  std::vector<awl::Promise<int>> query_tasks;{{$}}
  // CHECK-FIXES-NEXT: {{^}}  query_tasks.reserve(n);{{$}}
  // CHECK-FIXES-NEXT: {{^}}  for (int key = 0; key < n; ++key) query_tasks.push_back(db.query(key));{{$}}
  // CHECK-FIXES-NEXT: {{^}}  auto queries = co_await awl::when_all(std::move(query_tasks));{{$}}
  // CHECK-FIXES-NEXT: {{^}}  for (auto& query : queries){{$}}
  // CHECK-FIXES-NEXT: {{^}}    out.push_back(query);{{$}}
  co_return out;
}

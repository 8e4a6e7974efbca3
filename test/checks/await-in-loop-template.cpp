// RUN: %check_async %s async-await-in-loop %t
// Loops in a function template are reported once (not once per
// instantiation). When the awaited task type depends on the template
// parameter, the warning has no fix-it (a note says so).
#include <awl/promise.hpp>
#include <vector>

awl::Promise<void> load_cache(int shard);
template <class T>
awl::Promise<T> fetch_as(int id);

template <class T>
awl::Promise<std::vector<T>> load_all(int n) {
  std::vector<T> out;
  for (int i = 0; i < n; ++i) co_await load_cache(i);
  // CHECK-MESSAGES: :[[@LINE-1]]:31: warning: co_await in a loop runs the iterations one after another; start them together and await once with 'awl::when_all' [async-await-in-loop]
  // CHECK-FIXES: {{^}}#include <awl/when_all.hpp>{{$}}
  // CHECK-FIXES: {{^}}  std::vector<awl::Promise<void>> cache_tasks;{{$}}
  // CHECK-FIXES-NEXT: {{^}}  cache_tasks.reserve(n);{{$}}
  // CHECK-FIXES-NEXT: {{^}}  for (int i = 0; i < n; ++i) cache_tasks.push_back(load_cache(i));{{$}}
  // CHECK-FIXES-NEXT: {{^}}  co_await awl::when_all(std::move(cache_tasks));{{$}}
  for (int i = 0; i < n; ++i) out.push_back(co_await fetch_as<T>(i));
  // CHECK-MESSAGES: :[[@LINE-1]]:45: warning: co_await in a loop runs the iterations one after another; start them together and await once with 'awl::when_all' [async-await-in-loop]
  co_return out;
}

awl::Promise<void> use() {
  co_await load_all<int>(3);
  co_await load_all<double>(3);
}

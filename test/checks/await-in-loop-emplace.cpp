// RUN: %check_async %s async-await-in-loop %t
// emplace_back keeps its name in the rewritten loop.
#include <awl/promise.hpp>
#include <vector>

awl::Promise<double> fetch_stats(int id);

awl::Promise<std::vector<double>> stats(std::vector<int> ids) {
  std::vector<double> out;
  for (int id : ids)
    out.emplace_back(co_await fetch_stats(id));
  // CHECK-MESSAGES: :[[@LINE-1]]:22: warning: co_await in a loop runs the iterations one after another; start them together and await once with 'awl::when_all' [async-await-in-loop]
  // CHECK-FIXES: {{^}}#include <awl/when_all.hpp>{{$}}
  // CHECK-FIXES: {{^}}  std::vector<awl::Promise<double>> stats_tasks;{{$}}
  // CHECK-FIXES-NEXT: {{^}}  stats_tasks.reserve(ids.size());{{$}}
  // CHECK-FIXES: {{^}}    stats_tasks.push_back(fetch_stats(id));{{$}}
  // CHECK-FIXES-NEXT: {{^}}  auto stats_results = co_await awl::when_all(std::move(stats_tasks));{{$}}
  // CHECK-FIXES-NEXT: {{^}}  for (auto& stats : stats_results){{$}}
  // CHECK-FIXES-NEXT: {{^}}    out.emplace_back(stats);{{$}}
  co_return out;
}

// RUN: %check_async %s async-sequential-await,async-await-in-loop %t
// A tab-indented file: the fixes indent with tabs as the code around them.
#include "fetch_api.hpp"
#include <vector>

awl::Promise<int> load(int id) {
	if (id > 0) {
		auto a = co_await fetch_count(id);
		// CHECK-MESSAGES: :[[@LINE-1]]:12: warning: 2 independent co_await expressions run one after another; start them together with 'awl::when_all' [async-sequential-await]
		auto b = co_await fetch_orders(id);
		// CHECK-FIXES: {{^}}		auto [a, b] = co_await awl::when_all(fetch_count(id), fetch_orders(id));{{$}}
		co_return a + b;
	}
	co_return 0;
}

awl::Promise<std::vector<int>> counts_of(const std::vector<int> &ids) {
	std::vector<int> out;
	for (int id : ids) {
		out.push_back(co_await fetch_count(id));
	}
	// CHECK-MESSAGES: :[[@LINE-2]]:17: warning: co_await in a loop runs the iterations one after another; start them together and await once with 'awl::when_all' [async-await-in-loop]
	// CHECK-FIXES: {{^}}	std::vector<awl::Promise<int>> count_tasks;{{$}}
	// CHECK-FIXES-NEXT: {{^}}	count_tasks.reserve(ids.size());{{$}}
	// CHECK-FIXES-NEXT: {{^}}	for (int id : ids) {{[{]}}{{$}}
	// CHECK-FIXES-NEXT: {{^}}		count_tasks.push_back(fetch_count(id));{{$}}
	// CHECK-FIXES-NEXT: {{^}}	}{{$}}
	// CHECK-FIXES-NEXT: {{^}}	auto counts = co_await awl::when_all(std::move(count_tasks));{{$}}
	// CHECK-FIXES-NEXT: {{^}}	for (auto& count : counts){{$}}
	// CHECK-FIXES-NEXT: {{^}}		out.push_back(count);{{$}}
	co_return out;
}

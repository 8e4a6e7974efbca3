// RUN: %check_async --config="{CheckOptions: {async-await-in-loop.WhenAllFunction: 'awl::when_all', async-await-in-loop.WhenAllHeader: '<awl/awl.hpp>'}}" %s async-await-in-loop %t
// WhenAllFunction and WhenAllHeader choose the combinator and its header.
#include <awl/promise.hpp>
#include <vector>

awl::Promise<int> fetch_count(int id);

awl::Promise<std::vector<int>> counts(const std::vector<int>& ids) {
  std::vector<int> out;
  for (int id : ids) out.push_back(co_await fetch_count(id));
  // CHECK-MESSAGES: :[[@LINE-1]]:36: warning: co_await in a loop runs the iterations one after another; start them together and await once with 'awl::when_all' [async-await-in-loop]
  // CHECK-FIXES: #include <awl/awl.hpp>
  // CHECK-FIXES: {{^}}    for (auto& value : co_await awl::when_all(std::move(promises))){{$}}
  co_return out;
}

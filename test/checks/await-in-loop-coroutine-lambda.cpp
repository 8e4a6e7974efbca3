// RUN: %check_async %s async-await-in-loop %t
// A loop in a coroutine lambda is that lambda's own loop: reported there.
#include <awl/promise.hpp>
#include <vector>

awl::Promise<int> fetch_count(int id);

auto make_loader() {
  return [](std::vector<int> ids) -> awl::Promise<std::vector<int>> {
    std::vector<int> out;
    for (int id : ids) out.push_back(co_await fetch_count(id));
    // CHECK-MESSAGES: :[[@LINE-1]]:38: warning: co_await in a loop runs the iterations one after another; start them together and await once with 'awl::when_all' [async-await-in-loop]
    // CHECK-FIXES: {{^}}      for (int id : ids) promises.push_back(fetch_count(id));{{$}}
    co_return out;
  };
}

// RUN: %check_async %s async-sequential-await %t
// folly::coro::Task in separate try blocks: collectAllTry gives one
// folly::Try per task; value() rethrows inside the task's own try block.
#include <folly/coro/Task.h>
#include <string>

folly::coro::Task<int> fetch_count(int id);
folly::coro::Task<std::string> fetch_name(int id);

folly::coro::Task<std::string> load(int id) {
  std::string name;
  int count = 0;
  try {
    name = co_await fetch_name(id);
    // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: 2 independent co_await expressions in separate try blocks run one after another; start them together with 'folly::coro::collectAllTry' [async-sequential-await]
  } catch (const std::exception &e) {
    name = e.what();
  }
  try {
    count = co_await fetch_count(id);
  } catch (...) {
    count = -1;
  }
  // CHECK-FIXES: #include <folly/coro/Collect.h>
  // CHECK-FIXES: {{^}}  auto [name_settled, count_settled] = co_await folly::coro::collectAllTry(fetch_name(id), fetch_count(id));{{$}}
  // CHECK-FIXES: {{^}}    name = std::move(name_settled).value();{{$}}
  // CHECK-FIXES: {{^}}    count = std::move(count_settled).value();{{$}}
  co_return name + std::to_string(count);
}

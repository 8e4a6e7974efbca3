// RUN: %check_async %s async-sequential-await %t
// cppcoro tasks are combined with cppcoro::when_all (header added).
#include <cppcoro/task.hpp>
#include <string>

cppcoro::task<int> fetch_count(int id);
cppcoro::task<std::string> fetch_name(int id);

cppcoro::task<int> load(int id) {
  auto count = co_await fetch_count(id);
  // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: 2 independent co_await expressions run one after another; start them together with 'cppcoro::when_all' [async-sequential-await]
  auto name = co_await fetch_name(id);
  // CHECK-FIXES: #include <cppcoro/when_all.hpp>
  // CHECK-FIXES: {{^}}  auto [count, name] = co_await cppcoro::when_all(fetch_count(id), fetch_name(id));{{$}}
  co_return count + static_cast<int>(name.size());
}

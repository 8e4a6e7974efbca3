// RUN: %check_async %s async-sequential-await %t
// drogon::Task is lazy: creating both tasks first does not start them,
// awaiting one then the other runs them one after another. Reported,
// without a fix (the awaits name existing task objects).
#include <drogon/utils/coroutine.h>
#include <string>
#include <utility>

using drogon::Task;

Task<int> fetch_count(int id);
Task<std::string> fetch_name(int id);

Task<int> load(int id) {
  Task<int> count = fetch_count(id);
  auto name = fetch_name(id);
  int a = co_await std::move(count);
  // CHECK-NOTES: :[[@LINE-1]]:11: warning: 2 independent co_await expressions run one after another; start them together with 'drogon::when_all' [async-sequential-await]
  // CHECK-NOTES: :[[@LINE-2]]:11: note: no fix-it: it awaits existing task objects; start them with a combined await by hand
  // CHECK-NOTES: :[[@LINE-3]]:11: note: independent co_await 1 of 2
  std::string b = co_await std::move(name);
  // CHECK-NOTES: :[[@LINE-1]]:19: note: independent co_await 2 of 2
  co_return a + static_cast<int>(b.size());
}

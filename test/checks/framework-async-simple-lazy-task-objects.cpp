// RUN: %check_async %s async-sequential-await %t
// async_simple's Lazy starts only when awaited: creating both first does
// not make them concurrent, awaiting one then the other runs them one after
// another. Reported, without a fix (the awaits name existing task objects).
#include <async_simple/coro/Lazy.h>
#include <string>
#include <utility>

using async_simple::coro::Lazy;

Lazy<int> fetch_count(int id);
Lazy<std::string> fetch_name(int id);

Lazy<int> load(int id) {
  Lazy<int> count = fetch_count(id);
  Lazy<std::string> name = fetch_name(id);
  int a = co_await std::move(count);
  // CHECK-NOTES: :[[@LINE-1]]:11: warning: 2 independent co_await expressions run one after another; start them together with 'async_simple::coro::collectAll' [async-sequential-await]
  // CHECK-NOTES: :[[@LINE-2]]:11: note: no fix-it: it awaits existing task objects; start them with a combined await by hand
  // CHECK-NOTES: :[[@LINE-3]]:11: note: independent co_await 1 of 2
  std::string b = co_await std::move(name);
  // CHECK-NOTES: :[[@LINE-1]]:19: note: independent co_await 2 of 2
  co_return a + static_cast<int>(b.size());
}

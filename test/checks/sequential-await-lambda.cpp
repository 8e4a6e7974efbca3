// RUN: %check_async %s async-sequential-await %t
// Coroutine lambdas are checked like functions.
#include "fetch_api.hpp"

auto make_loader() {
  return [](int id) -> awl::Promise<int> {
    auto a = co_await fetch_count(id);
    // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: 2 independent co_await expressions run one after another; start them together with 'awl::when_all' [async-sequential-await]
    auto b = co_await fetch_orders(id);
    // CHECK-FIXES: {{^}}    auto [a, b] = co_await awl::when_all(fetch_count(id), fetch_orders(id));{{$}}
    co_return a + b;
  };
}

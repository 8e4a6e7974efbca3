// RUN: %check_async --fix-notes %s async-unhandled-rejection %t
// Eager promises dropped where they are made: in a coroutine the note's fix
// awaits them; elsewhere it marks the detach with (void), which documents it
// but observes nothing (the note says so).
#include "fetch_api.hpp"
#include <awl/when_all.hpp>
#include <exception>

awl::Promise<int> in_coroutine(int id) {
  fetch_user(id);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: the promise returned by 'fetch_user' is discarded: if it rejects, no code observes the exception [async-unhandled-rejection]
  // CHECK-FIXES: {{^}}  co_await fetch_user(id);{{$}}
  awl::when_all(fetch_count(1), fetch_orders(2));
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: the promise returned by 'when_all' is discarded
  // CHECK-FIXES: {{^}}  co_await awl::when_all(fetch_count(1), fetch_orders(2));{{$}}
  fetch_count(id).then([](int v) { return v + 1; });
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: the promise chain ending in 'then' is discarded without a rejection handler: if it rejects, no code observes the exception [async-unhandled-rejection]
  // CHECK-FIXES: {{^}}  co_await fetch_count(id).then([](int v) { return v + 1; });{{$}}
  [](int x) -> awl::Promise<int> { co_return co_await fetch_count(x); }(3);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: the promise returned by the lambda is discarded
  // CHECK-FIXES: {{^}}  co_await [](int x) -> awl::Promise<int> { co_return co_await fetch_count(x); }(3);{{$}}
  co_return 0;
}

struct Client {
  awl::Promise<void> refresh();
  awl::Promise<void> refresh_all() {
    refresh();
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: the promise returned by 'refresh' is discarded
    // CHECK-FIXES: {{^}}    co_await refresh();{{$}}
    co_return;
  }
};

void plain_function(int id, Database &db) {
  fetch_user(id);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: the promise returned by 'fetch_user' is discarded
  // CHECK-FIXES: {{^}}  (void)fetch_user(id);{{$}}
  db.query(1);
  // CHECK-MESSAGES: :[[@LINE-1]]:6: warning: the promise returned by 'query' is discarded
  // CHECK-FIXES: {{^}}  (void)db.query(1);{{$}}
  auto callback = [] { notify(7); };
  // CHECK-MESSAGES: :[[@LINE-1]]:24: warning: the promise returned by 'notify' is discarded
  // CHECK-FIXES: {{^}}  auto callback = [] { (void)notify(7); };{{$}}
  callback();
}

// RUN: %check_async --fix-notes %s async-sequential-await %t
// Different objects, non-const member functions: grouped, fix on a note.
#include "fetch_api.hpp"

awl::Promise<int> both(Service &users, Service &orders, int id) {
  auto u = co_await users.fetch(id);
  // CHECK-NOTES: :[[@LINE-1]]:12: warning: 2 independent co_await expressions run one after another; start them together with 'awl::when_all' [async-sequential-await]
  // CHECK-NOTES: :[[@LINE-2]]:12: note: fix-it on this note only (apply with --fix-notes): {{.*}}'Service::fetch' is a non-const member function
  // CHECK-NOTES: :[[@LINE-3]]:12: note: independent co_await 1 of 2
  auto o = co_await orders.fetch(id);
  // CHECK-NOTES: :[[@LINE-1]]:12: note: independent co_await 2 of 2
  // CHECK-FIXES: {{^}}  auto [u, o] = co_await awl::when_all(users.fetch(id), orders.fetch(id));{{$}}
  co_return u + o;
}

// RUN: %check_async --config="{CheckOptions: {async-sequential-await.ExtraBarrierAwaitables: 'pause_briefly', async-sequential-await.ExtraGuardTypes: 'Hold', async-sequential-await.OrderingSteps: 'off'}}" %s async-sequential-await %t
// An Extra... list adds to the default instead of replacing it: after
// adding one barrier, yield_now (a default barrier by its name) is still a
// barrier too; an added guard type
// orders the awaits while the guard lives. (OrderingSteps is off so that
// only the barrier and guard rules keep these awaits apart.)
#include "fetch_api.hpp"

awl::Promise<void> pause_briefly();
awl::Promise<void> yield_now();
struct Hold {
  int units = 0;
  ~Hold();
};
awl::Promise<Hold> hold_resource(int id);

awl::Promise<int> added_barrier(int id) {
  auto a = co_await fetch_count(id);
  co_await pause_briefly();
  auto b = co_await fetch_orders(id);
  co_return a + b;
}

awl::Promise<int> default_barrier_kept(int id) {
  auto a = co_await fetch_count(id);
  co_await yield_now();
  auto b = co_await fetch_orders(id);
  co_return a + b;
}

awl::Promise<int> added_guard(int id) {
  auto held = co_await hold_resource(id);
  auto b = co_await fetch_orders(id);
  co_return b + held.units;
}

awl::Promise<int> still_found(int id) {
  auto a = co_await fetch_count(id);
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: 2 independent co_await expressions run one after another; start them together with 'awl::when_all' [async-sequential-await]
  auto b = co_await fetch_orders(id);
  // CHECK-FIXES: {{^}}  auto [a, b] = co_await awl::when_all(fetch_count(id), fetch_orders(id));{{$}}
  co_return a + b;
}

// RUN: %check_async %s async-sequential-await %t
// The state-changing rule (StateChangingCalls) keeps only *different*
// state-changing operations apart, and only while their effects are not all
// known: the same operation on different arguments, a read next to a state
// change, and callees whose bodies show every effect are still grouped
// (only the last pair's fix is applied: the other callees' effects are
// unknown, so their fixes stay on notes).
#include <awl/promise.hpp>
// CHECK-FIXES: {{^}}#include <awl/when_all.hpp>{{$}}
#include <string>

awl::Promise<int> send_message(int to);
awl::Promise<int> fetch_price(int sku);
awl::Promise<int> charge_card(int token);

awl::Promise<int> same_operation(int a, int b) {
  int x = co_await send_message(a);
  // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: 2 independent co_await expressions run one after another; start them together with 'awl::when_all' [async-sequential-await]
  int y = co_await send_message(b);
  co_return x + y;
}

awl::Promise<int> read_then_charge(int sku, int token) {
  int price = co_await fetch_price(sku);
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: 2 independent co_await expressions run one after another; start them together with 'awl::when_all' [async-sequential-await]
  int paid = co_await charge_card(token);
  co_return price + paid;
}

// Bodies in the translation unit that touch only their parameters: every
// effect is known, so the names decide nothing.
awl::Promise<int> create_token(int seed) {
  int base = co_await awl::Promise<int>::resolve(seed);
  co_return base * 31 + 7;
}
awl::Promise<int> update_checksum(int value) {
  int base = co_await awl::Promise<int>::resolve(value);
  co_return base ^ 0x5a5a;
}

awl::Promise<int> known_bodies(int seed, int value) {
  int token = co_await create_token(seed);
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: 2 independent co_await expressions run one after another; start them together with 'awl::when_all' [async-sequential-await]
  int sum = co_await update_checksum(value);
  // CHECK-FIXES: {{^}}  auto [token, sum] = co_await awl::when_all(create_token(seed), update_checksum(value));{{$}}
  co_return token + sum;
}

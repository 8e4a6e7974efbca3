// RUN: %check_async --config="{CheckOptions: {ExtraStateChangingCalls: 'tally'}}" %s async-sequential-await %t
// ExtraStateChangingCalls (set globally here) adds a name and keeps the
// defaults: tally then charge_card is ordered, and so is reserve then
// charge; two tallies are still one operation on different arguments.
#include <awl/promise.hpp>
#include <string>

awl::Promise<std::string> reserve_stock(int sku);
awl::Promise<std::string> charge_card(int token);
awl::Promise<std::string> tally(int sku);

awl::Promise<std::string> tally_then_charge(int sku, int token) {
  std::string counted = co_await tally(sku);
  std::string payment = co_await charge_card(token);
  co_return counted + payment;
}

awl::Promise<std::string> reserve_then_charge(int sku, int token) {
  std::string reservation = co_await reserve_stock(sku);
  std::string payment = co_await charge_card(token);
  co_return reservation + payment;
}

awl::Promise<std::string> two_tallies(int a, int b) {
  std::string first = co_await tally(a);
  // CHECK-MESSAGES: :[[@LINE-1]]:23: warning: 2 independent co_await expressions run one after another; start them together with 'awl::when_all' [async-sequential-await]
  std::string second = co_await tally(b);
  co_return first + second;
}

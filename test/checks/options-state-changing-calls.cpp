// RUN: %check_async --config="{CheckOptions: {async-sequential-await.StateChangingCalls: ''}}" %s async-sequential-await %t
// StateChangingCalls set to empty turns the rule off: reserve then charge
// is reported again (options-extra-state-changing-calls.cpp adds a name).
#include <awl/promise.hpp>
#include <string>

awl::Promise<std::string> reserve_stock(int sku);
awl::Promise<std::string> charge_card(int token);

awl::Promise<std::string> reserve_then_charge(int sku, int token) {
  std::string reservation = co_await reserve_stock(sku);
  // CHECK-MESSAGES: :[[@LINE-1]]:29: warning: 2 independent co_await expressions run one after another; start them together with 'awl::when_all' [async-sequential-await]
  std::string payment = co_await charge_card(token);
  co_return reservation + payment;
}

// RUN: %check_async --fix-notes %s async-sequential-await,async-await-late %t
// Negative: two different operations that change state, by their names
// (StateChangingCalls), whose effects the analysis cannot see: both results
// are used, nothing flows between them, and yet their order is the rule of
// the program (no charge for goods out of stock, no role for a user that
// was never created, no receipt for an order that was never placed).
#include <awl/promise.hpp>
#include <string>

awl::Promise<std::string> reserve_stock(int sku);
awl::Promise<std::string> charge_card(int token);
awl::Promise<int> create_user(const std::string &name);
awl::Promise<int> add_role(int role);
awl::Promise<int> place_order(int cart);
awl::Promise<int> send_receipt(int customer);
awl::Promise<int> async_update_profile(int user);
awl::Promise<int> co_publish(int topic);

struct Payments {
  awl::Promise<int> charge(int card) const;
};
struct Inventory {
  awl::Promise<int> reserve(int sku) const;
};
namespace billing {
awl::Promise<int> DebitAccount(int account);
awl::Promise<int> CreditAccount(int account);
} // namespace billing

awl::Promise<std::string> reserve_then_charge(int sku, int token) {
  std::string reservation = co_await reserve_stock(sku);
  std::string payment = co_await charge_card(token);
  co_return reservation + payment;
}

awl::Promise<int> create_then_add_role(const std::string &name, int role) {
  int user = co_await create_user(name);
  int granted = co_await add_role(role);
  co_return user + granted;
}

awl::Promise<int> order_then_receipt(int cart, int customer) {
  auto order = co_await place_order(cart);
  auto receipt = co_await send_receipt(customer);
  co_return order + receipt;
}

// Different receivers, const members: still two different state changes.
awl::Promise<int> members(const Inventory &stock, const Payments &payments,
                          int sku, int card) {
  int held = co_await stock.reserve(sku);
  int paid = co_await payments.charge(card);
  co_return held + paid;
}

// Prefixes (async_, co_) and CamelCase names.
awl::Promise<int> prefixed(int user, int topic) {
  int a = co_await async_update_profile(user);
  int b = co_await co_publish(topic);
  co_return a + b;
}

awl::Promise<int> transfer(int from, int to) {
  int debited = co_await billing::DebitAccount(from);
  int credited = co_await billing::CreditAccount(to);
  co_return debited + credited;
}

// Assigned results, not declarations: the same rule.
awl::Promise<std::string> assigned(int sku, int token) {
  std::string reservation;
  std::string payment;
  reservation = co_await reserve_stock(sku);
  payment = co_await charge_card(token);
  co_return reservation + payment;
}

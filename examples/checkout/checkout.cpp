// The checkout handler of an order service: it calls six backends. Some calls
// must wait for others -- the session before anything that needs its token,
// the stock reservation before the charge, the two journal entries in order
// under the ledger's lock -- and three of them need nothing from each other.
#include "shop/checkout.hpp"

#include <string>

namespace shop {
namespace {

constexpr int kCustomerAccount = 1001;
constexpr int kRevenueAccount = 4000;

struct CheckoutData {
  Cart cart;
  std::string address;
  int loyalty_points = 0;
};

// What the order page needs once the user is signed in: three independent
// reads, awaited one after another.
awl::Promise<CheckoutData> load_checkout_data(std::string token) {
  Cart cart = co_await fetch_cart(token);
  std::string address = co_await fetch_address(token);
  int points = co_await fetch_loyalty_points(token);
  co_return CheckoutData{cart, address, points};
}

// A payment is booked as two journal entries, in this order, with nobody
// else's entries between them: under the ledger's lock.
awl::Promise<void> book_payment(int amount_cents) {
  LedgerLock lock = co_await lock_ledger();
  co_await append_ledger(kCustomerAccount, -amount_cents);
  co_await append_ledger(kRevenueAccount, amount_cents);
}

}  // namespace

awl::Promise<Receipt> checkout(CheckoutRequest request) {
  // Sign in first: every later call needs the session's token.
  Session session = co_await sign_in(request.user, request.password);
  CheckoutData data = co_await load_checkout_data(session.token);
  const int total = data.cart.total_cents - data.loyalty_points / 100;
  // Reserve the goods before charging for them.
  std::string reservation = co_await reserve_stock(data.cart.skus);
  std::string payment = co_await charge_card(session.token, total);
  co_await book_payment(total);
  // Fire and forget: the receipt goes out while the response is returned.
  send_receipt(session.email, payment);
  co_return Receipt{payment, reservation, data.address, total};
}

}  // namespace shop

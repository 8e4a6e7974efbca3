// The shop's backend services, simulated: each call answers after a fixed
// latency of virtual time (awl::sleep on a virtual-time loop).
#include "shop/backend.hpp"

#include <awl/awl.hpp>

#include <deque>
#include <memory>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace shop {

awl::Promise<std::string> get_user(int user_id) {
  co_await awl::sleep(100);
  co_return "user-" + std::to_string(user_id);
}

awl::Promise<int> get_orders(int user_id) {
  co_await awl::sleep(100);
  co_return user_id * 3;
}

awl::Promise<double> get_stats(int user_id) {
  co_await awl::sleep(100);
  co_return user_id / 2.0;
}

awl::Promise<Session> sign_in(std::string user, std::string password) {
  co_await awl::sleep(50);
  if (password.empty()) throw std::runtime_error("sign-in refused for " + user);
  co_return Session{7, "tok-" + user, user + "@example.com"};
}

awl::Promise<Cart> fetch_cart(std::string token) {
  co_await awl::sleep(80);
  co_return Cart{{"sku-1", "sku-2", "sku-3"}, 4997};
}

awl::Promise<std::string> fetch_address(std::string token) {
  co_await awl::sleep(60);
  co_return "1 Main St";
}

awl::Promise<int> fetch_loyalty_points(std::string token) {
  co_await awl::sleep(120);
  co_return 1200;
}

awl::Promise<std::string> reserve_stock(std::vector<std::string> skus) {
  co_await awl::sleep(40);
  co_return "res-" + std::to_string(skus.size());
}

awl::Promise<std::string> charge_card(std::string token, int amount_cents) {
  co_await awl::sleep(150);
  co_return "pay-" + std::to_string(amount_cents);
}

awl::Promise<void> send_receipt(std::string email, std::string payment_id) { co_await awl::sleep(200); }

namespace {

// The ledger: a journal of entries and an asynchronous lock over it.
struct Ledger {
  std::vector<std::string> entries;
  bool locked = false;
  std::deque<awl::Resolver<LedgerLock>> waiting;
};

Ledger& ledger() {
  static Ledger instance;
  return instance;
}

void release_ledger();

LedgerLock hold_ledger() {
  return LedgerLock(std::shared_ptr<void>(new int(0), [](int* token) {
    delete token;
    release_ledger();
  }));
}

void release_ledger() {
  Ledger& l = ledger();
  if (l.waiting.empty()) {
    l.locked = false;
    return;
  }
  awl::Resolver<LedgerLock> next = std::move(l.waiting.front());
  l.waiting.pop_front();
  next(hold_ledger());
}

}  // namespace

awl::Promise<LedgerLock> lock_ledger() {
  Ledger& l = ledger();
  if (!l.locked) {
    l.locked = true;
    return awl::Promise<LedgerLock>::resolve(hold_ledger());
  }
  return awl::Promise<LedgerLock>(
      [&l](awl::Resolver<LedgerLock> resolve, awl::Rejecter<LedgerLock>) { l.waiting.push_back(std::move(resolve)); });
}

awl::Promise<void> append_ledger(int account, int amount_cents) {
  co_await awl::sleep(20);
  ledger().entries.push_back(std::to_string(account) + ":" + std::to_string(amount_cents));
}

std::vector<std::string> ledger_entries() { return ledger().entries; }

awl::Promise<RegionSales> fetch_region_sales(std::string region) {
  co_await awl::sleep(50);
  int seed = 0;
  for (char c : region) seed = seed * 31 % 1000 + c;
  co_return RegionSales{region, 10 + seed % 90, 1000 * (10 + seed % 90) + seed};
}

awl::Promise<ExportPage> fetch_export_page(std::string cursor) {
  co_await awl::sleep(30);
  if (cursor == "first") co_return ExportPage{100, "page-2"};
  if (cursor == "page-2") co_return ExportPage{100, "page-3"};
  co_return ExportPage{42, ""};
}

}  // namespace shop

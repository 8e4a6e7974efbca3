// The shop's backend client. Every call is a request to another service,
// answered after a fixed latency (backend/backend.cpp); the programs run on
// awl's virtual-time event loop, so their timings are exact and repeatable.
#pragma once

#include <awl/awl.hpp>  // the runtime's umbrella header, as runtime/README.md advises

#include <memory>
#include <string>
#include <vector>

namespace shop {

// --- the dashboard: the article's three calls, 100 ms each ---------------------
awl::Promise<std::string> get_user(int user_id);
awl::Promise<int> get_orders(int user_id);
awl::Promise<double> get_stats(int user_id);

// --- checkout ------------------------------------------------------------------
struct Session {
  int user_id = 0;
  std::string token;
  std::string email;
};
struct Cart {
  std::vector<std::string> skus;
  int total_cents = 0;
};

awl::Promise<Session> sign_in(std::string user, std::string password);       // 50 ms
awl::Promise<Cart> fetch_cart(std::string token);                            // 80 ms
awl::Promise<std::string> fetch_address(std::string token);                  // 60 ms
awl::Promise<int> fetch_loyalty_points(std::string token);                   // 120 ms
awl::Promise<std::string> reserve_stock(std::vector<std::string> skus);      // 40 ms: a reservation id
awl::Promise<std::string> charge_card(std::string token, int amount_cents);  // 150 ms: a payment id
awl::Promise<void> send_receipt(std::string email, std::string payment_id);  // 200 ms

// The ledger is a journal: a payment is booked as two entries that must be
// written in order, with nobody else's entries between them, so they are
// written while holding the ledger's lock.
class LedgerLock {
 public:
  explicit LedgerLock(std::shared_ptr<void> held) : held_(std::move(held)) {}

 private:
  std::shared_ptr<void> held_;  // releases the lock when the last copy goes
};
awl::Promise<LedgerLock> lock_ledger();                           // waits for the lock
awl::Promise<void> append_ledger(int account, int amount_cents);  // 20 ms
std::vector<std::string> ledger_entries();

// --- the sales report ----------------------------------------------------------
struct RegionSales {
  std::string region;
  int orders = 0;
  int revenue_cents = 0;
};
struct ExportPage {
  int rows = 0;
  std::string next_cursor;  // empty on the last page
};

awl::Promise<RegionSales> fetch_region_sales(std::string region);  // 50 ms
awl::Promise<ExportPage> fetch_export_page(std::string cursor);    // 30 ms

}  // namespace shop

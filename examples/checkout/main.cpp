// One checkout request on virtual time; prints the receipt and the ledger.
#include "shop/checkout.hpp"
#include "shop/run.hpp"

#include <string>

int main() {
  return shop::run_on_virtual_time("checkout", []() -> awl::Promise<std::string> {
    const shop::Receipt receipt = co_await shop::checkout({"ada", "correct horse"});
    std::string ledger;
    for (const std::string& entry : shop::ledger_entries()) ledger += (ledger.empty() ? "" : ",") + entry;
    co_return "payment=" + receipt.payment + " reservation=" + receipt.reservation + " ship-to='" + receipt.ship_to +
        "' charged=" + std::to_string(receipt.charged_cents) + " ledger=" + ledger;
  });
}

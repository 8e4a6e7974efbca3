// The report for eight regions on virtual time; prints the totals.
#include "shop/run.hpp"
#include "shop/sales_report.hpp"

#include <cstdio>
#include <string>
#include <vector>

int main() {
  return shop::run_on_virtual_time("sales_report", []() -> awl::Promise<std::string> {
    const shop::SalesReport report = co_await shop::build_sales_report(
        {"north", "south", "east", "west", "central", "coast", "mountain", "islands"});
    int orders = 0;
    long revenue_cents = 0;
    const shop::RegionSales* top = nullptr;
    for (const shop::RegionSales& sales : report.regions) {
      orders += sales.orders;
      revenue_cents += sales.revenue_cents;
      if (top == nullptr || sales.orders > top->orders) top = &sales;
    }
    char line[160];
    std::snprintf(line, sizeof line, "regions=%zu orders=%d revenue=%ld.%02ld top=%s exported=%d",
                  report.regions.size(), orders, revenue_cents / 100, revenue_cents % 100,
                  top != nullptr ? top->region.c_str() : "-", report.exported_rows);
    co_return line;
  });
}

// The daily sales report: every region's figures, then the day's order export.
#include "shop/sales_report.hpp"

#include <string>
#include <vector>

namespace shop {

awl::Promise<SalesReport> build_sales_report(std::vector<std::string> regions) {
  SalesReport report;
  // One request per region. They are independent, but each starts only when
  // the previous one has answered.
  for (const std::string& region : regions) {
    report.regions.push_back(co_await fetch_region_sales(region));
  }
  // The export is paginated: each page names the next one, so these requests
  // cannot start before the previous page has arrived.
  std::string cursor = "first";
  while (!cursor.empty()) {
    ExportPage page = co_await fetch_export_page(cursor);
    report.exported_rows += page.rows;
    cursor = page.next_cursor;
  }
  co_return report;
}

}  // namespace shop

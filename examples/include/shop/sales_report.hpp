// The daily sales report.
#pragma once

#include "shop/backend.hpp"

#include <string>
#include <vector>

namespace shop {

struct SalesReport {
  std::vector<RegionSales> regions;
  int exported_rows = 0;
};

awl::Promise<SalesReport> build_sales_report(std::vector<std::string> regions);  // reports/sales_report.cpp

}  // namespace shop

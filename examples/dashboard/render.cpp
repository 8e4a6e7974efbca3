// The dashboard as text. This TU includes shop/dashboard.hpp for the struct,
// so it sees load_dashboard too: awaitlint-ci reports the header's finding
// once and fixes it once, however many TUs include it.
#include "shop/dashboard.hpp"

#include <cstdio>
#include <string>

namespace shop {

std::string render(const Dashboard& dashboard) {
  char stats[32];
  std::snprintf(stats, sizeof stats, "%.1f", dashboard.stats);
  return "user=" + dashboard.user + " orders=" + std::to_string(dashboard.orders) + " stats=" + stats;
}

}  // namespace shop

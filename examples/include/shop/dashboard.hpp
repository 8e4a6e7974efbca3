// The article's dashboard ("How async/await Actually Works"): a user's page
// needs their profile, their order count and their stats.
#pragma once

#include "shop/backend.hpp"

#include <string>

namespace shop {

struct Dashboard {
  std::string user;
  int orders = 0;
  double stats = 0;
};

// The article's loadDashboard: three independent requests, each started only
// after the previous one finished -- the page takes the sum of their times.
inline awl::Promise<Dashboard> load_dashboard(int user_id) {
  std::string user = co_await get_user(user_id);
  int orders = co_await get_orders(user_id);
  double stats = co_await get_stats(user_id);
  co_return Dashboard{user, orders, stats};
}

std::string render(const Dashboard& dashboard);  // dashboard/render.cpp

}  // namespace shop

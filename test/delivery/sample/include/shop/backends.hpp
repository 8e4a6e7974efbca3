// A small shop back-end: every backend call takes 100 ms of virtual time.
// Shared by the sample's translation units, so a finding in this header is
// seen once per TU that includes it.
#pragma once

#include <awl/awl.hpp>

#include <string>
#include <utility>

namespace shop {

inline awl::Promise<std::string> get_user(int id) {
  co_await awl::sleep(100);
  co_return "user-" + std::to_string(id);
}

inline awl::Promise<int> get_orders(int id) {
  co_await awl::sleep(100);
  co_return id * 3;
}

inline awl::Promise<int> get_price(int item) {
  co_await awl::sleep(100);
  co_return 10 + item;
}

// The profile page needs the user and their order count: two independent
// calls, awaited one after the other.
inline awl::Promise<std::pair<std::string, int>> load_profile(int id) {
  std::string user = co_await get_user(id);
  int orders = co_await get_orders(id);
  co_return std::pair{user, orders};
}

}  // namespace shop

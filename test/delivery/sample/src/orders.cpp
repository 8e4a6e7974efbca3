#include "shop/backends.hpp"

#include <string>

namespace shop {

// Two users' order counts, fetched one after the other.
awl::Promise<int> orders_of_pair(int first, int second) {
  int a = co_await get_orders(first);
  int b = co_await get_orders(second);
  co_return a + b;
}

}  // namespace shop

#include "shop/backends.hpp"

#include <vector>

namespace shop {

// Prices of a basket, one backend call per item, awaited in turn.
awl::Promise<std::vector<int>> prices_of(std::vector<int> items) {
  std::vector<int> prices;
  for (int item : items)
    prices.push_back(co_await get_price(item));
  co_return prices;
}

}  // namespace shop

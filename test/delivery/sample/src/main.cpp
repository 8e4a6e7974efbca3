#include "shop/backends.hpp"

#include <cstdio>
#include <vector>

namespace shop {
awl::Promise<int> orders_of_pair(int first, int second);
awl::Promise<std::vector<int>> prices_of(std::vector<int> items);
}  // namespace shop

int main() {
  awl::EventLoop loop{awl::virtual_time};
  [&]() -> awl::Promise<void> {
    auto [user, orders] = co_await shop::load_profile(7);
    int pair = co_await shop::orders_of_pair(1, 2);
    std::vector<int> prices = co_await shop::prices_of({1, 2, 3});
    std::printf("%s orders=%d pair=%d prices=%d,%d,%d\n", user.c_str(), orders, pair, prices[0], prices[1],
                prices[2]);
  }();
  loop.run();
  std::printf("elapsed %.0fms\n", loop.now());
}

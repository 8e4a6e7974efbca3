// RUN: %check_async --config="{CheckOptions: {async-sequential-await.GuardedReads: false}}" %s async-sequential-await %t
// Negative: with GuardedReads off, a guard that returns ends the group
// (sequential-await-guarded-read.cpp reports this pair).
#include <awl/promise.hpp>
#include <vector>

struct User {
  int id = 0;
  bool valid = false;
};
awl::Promise<User> find_user(int id);
awl::Promise<std::vector<int>> find_orders(int id);

awl::Promise<int> order_count(int id) {
  User user = co_await find_user(id);
  if (!user.valid)
    co_return -1;
  std::vector<int> orders = co_await find_orders(id);
  co_return static_cast<int>(orders.size());
}

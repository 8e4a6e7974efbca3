// RUN: %check_async %s async-sequential-await %t
// A guard that returns between two independent awaits (`if (!user)
// co_return;`) does not end their group when the later call only reads:
// started together, the read would also run when the guard returns, and
// nothing else changes. Reported without a fix-it (option GuardedReads).
#include <awl/promise.hpp>
#include <cstdio>
#include <string>
#include <vector>

struct User {
  int id = 0;
  bool valid = false;
  bool bot = false;
};
struct Order {
  int id = 0;
};
awl::Promise<User> find_user(int id);
awl::Promise<std::vector<Order>> find_orders(int id);
awl::Promise<std::string> fetch_message(int channel, int message);

// One guard on the first result.
awl::Promise<int> order_count(int id) {
  User user = co_await find_user(id);
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: 2 independent co_await expressions run one after another; start them together with 'awl::when_all' [async-sequential-await]
  // CHECK-NOTES: :[[@LINE-2]]:15: warning: 2 independent co_await expressions
  // CHECK-NOTES: :[[@LINE-3]]:15: note: no fix-it: a guard at line [[@LINE+3]] returns between them; started together, the later calls also run when it returns, and as they only read, nothing else changes: start them before the first await if that is worth it
  // CHECK-NOTES: :[[@LINE-4]]:15: note: independent co_await 1 of 2
  // CHECK-NOTES: :[[@LINE+3]]:31: note: independent co_await 2 of 2
  if (!user.valid)
    co_return -1;
  std::vector<Order> orders = co_await find_orders(id);
  co_return static_cast<int>(orders.size());
}

// Two guards, one in braces with a log line, and code between them that
// reads the first result.
awl::Promise<std::string> reaction_removed(int user_id, int channel,
                                           int message) {
  User user = co_await find_user(user_id);
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: 2 independent co_await expressions run one after another; start them together with 'awl::when_all' [async-sequential-await]
  // CHECK-NOTES: :[[@LINE-2]]:15: warning: 2 independent co_await expressions
  // CHECK-NOTES: :[[@LINE-3]]:15: note: no fix-it: a guard at line [[@LINE+3]] returns between them
  // CHECK-NOTES: :[[@LINE-4]]:15: note: independent co_await 1 of 2
  // CHECK-NOTES: :[[@LINE+8]]:22: note: independent co_await 2 of 2
  if (!user.valid) {
    std::puts("no such user");
    co_return "";
  }
  bool bot = user.bot;
  if (bot)
    co_return "";
  std::string text = co_await fetch_message(channel, message);
  co_return text;
}

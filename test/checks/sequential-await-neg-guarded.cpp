// RUN: %check_async %s async-sequential-await %t
// Negative: guards between two awaits that end the group. The later call
// does more than read (it would also run when the guard returns), the
// guard has an else or awaits something other than an answer to the event
// (sequential-await-guard-answer.cpp), calls something of unknown effect, throws
// or leaves a loop, or the later call needs what the code after the guard
// computed.
#include <awl/promise.hpp>
#include <stdexcept>
#include <string>
#include <vector>

struct User {
  int id = 0;
  bool valid = false;
};
awl::Promise<User> find_user(int id);
awl::Promise<std::vector<int>> find_orders(int id);
awl::Promise<void> send_welcome(int id);
awl::Promise<void> reply(std::string text);
awl::Promise<void> charge(int id, int cents);
awl::Promise<bool> deliver_welcome(int id);
awl::Promise<int> charge_card(int id, int cents);
void audit(int id); // defined elsewhere: effects unknown
int denied = 0;

// The later call has an effect: it must not run for an invalid user.
awl::Promise<void> welcome(int id) {
  User user = co_await find_user(id);
  if (!user.valid)
    co_return;
  co_await send_welcome(id);
}

// A state-changing call by its name, even if it returns a value.
awl::Promise<void> bill(int id) {
  User user = co_await find_user(id);
  if (!user.valid)
    co_return;
  co_await charge(id, 100);
}

// The guard awaits something other than an answer before it returns.
awl::Promise<int> welcomed_first(int id) {
  User user = co_await find_user(id);
  if (!user.valid) {
    co_await send_welcome(id);
    co_return 0;
  }
  std::vector<int> orders = co_await find_orders(id);
  co_return static_cast<int>(orders.size());
}

// An else branch: not a guard.
awl::Promise<int> with_else(int id) {
  User user = co_await find_user(id);
  int base = 0;
  if (!user.valid)
    co_return 0;
  else
    base = 1;
  std::vector<int> orders = co_await find_orders(id);
  co_return base + static_cast<int>(orders.size());
}

// The guard calls something of unknown effect.
awl::Promise<int> audited(int id) {
  User user = co_await find_user(id);
  if (!user.valid) {
    audit(id);
    co_return 0;
  }
  std::vector<int> orders = co_await find_orders(id);
  co_return static_cast<int>(orders.size());
}

// The guard writes a global.
awl::Promise<int> counted(int id) {
  User user = co_await find_user(id);
  if (!user.valid) {
    ++denied;
    co_return 0;
  }
  std::vector<int> orders = co_await find_orders(id);
  co_return static_cast<int>(orders.size());
}

// A throw is not a return: the later read's failure would replace it.
awl::Promise<int> thrown(int id) {
  User user = co_await find_user(id);
  if (!user.valid)
    throw std::runtime_error("no user");
  std::vector<int> orders = co_await find_orders(id);
  co_return static_cast<int>(orders.size());
}

// The later call takes what the first result decided.
awl::Promise<int> through_result(int id) {
  User user = co_await find_user(id);
  if (!user.valid)
    co_return 0;
  std::vector<int> orders = co_await find_orders(user.id);
  co_return static_cast<int>(orders.size());
}

// In a loop, continue and break leave the iteration, not the coroutine.
awl::Promise<int> in_loop(std::vector<int> ids) {
  int n = 0;
  for (int id : ids) {
    User user = co_await find_user(id);
    if (!user.valid)
      continue;
    std::vector<int> orders = co_await find_orders(id);
    n += static_cast<int>(orders.size());
  }
  co_return n;
}

// The later call's result is used, so it is no ordering step; but it is
// not known to only read (no name or body says so): it would also run when
// the guard returns.
awl::Promise<bool> delivered(int id) {
  User user = co_await find_user(id);
  if (!user.valid)
    co_return false;
  bool sent = co_await deliver_welcome(id);
  co_return sent;
}

// A state-changing call whose result is used: the same.
awl::Promise<int> receipt(int id) {
  User user = co_await find_user(id);
  if (!user.valid)
    co_return 0;
  int number = co_await charge_card(id, 100);
  co_return number;
}

// RUN: %check_async %s async-sequential-await %t
// A guard between two reads may answer the event before it returns (a
// handler saying why it stops): started before the guard, the second read
// changes nothing the answer or the return does. Reported without a fix-it,
// like any group past a guard that returns.
#include "dpp/dpp.h"

constexpr dpp::snowflake guild_id = 1;

dpp::task<void> show_user(const dpp::message_create_t& event, dpp::snowflake id) {
  auto member = co_await event.owner->co_guild_get_member(guild_id, id);
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: 2 independent co_await expressions run one after another; start them together by starting each before awaiting the first [async-sequential-await]
  // CHECK-NOTES: :[[@LINE-2]]:17: warning: 2 independent co_await expressions
  // CHECK-NOTES: :[[@LINE-3]]:17: note: no fix-it: a guard at line [[@LINE+3]] returns between them; started together, the later calls also run when it returns, and as they only read, nothing else changes: start them before the first await if that is worth it
  // CHECK-NOTES: :[[@LINE-4]]:17: note: independent co_await 1 of 2
  // CHECK-NOTES: :[[@LINE+6]]:15: note: independent co_await 2 of 2
  if (member.is_error()) {
    co_await event.co_send("No such member in this server.");
    co_return;
  }
  dpp::guild_member m = member.get<dpp::guild_member>();
  auto user = co_await event.owner->co_user_get_cached(id);
  if (user.is_error()) {
    co_await event.co_reply("No such user.");
    co_return;
  }
  co_await event.co_send("found " + std::to_string(m.user_id));
}

// The answer is a helper of the program's, its body in another file: by its
// name (AcknowledgementCalls) it answers what it is handed.
dpp::task<void> respond(const dpp::message_create_t& event, std::string text);

dpp::task<void> show_member(const dpp::message_create_t& event, dpp::snowflake id) {
  auto user = co_await event.owner->co_user_get_cached(id);
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: 2 independent co_await expressions run one after another; start them together by starting each before awaiting the first [async-sequential-await]
  // CHECK-NOTES: :[[@LINE-2]]:15: warning: 2 independent co_await expressions
  // CHECK-NOTES: :[[@LINE-3]]:15: note: no fix-it: a guard at line [[@LINE+3]] returns between them; started together, the later calls also run when it returns, and as they only read, nothing else changes: start them before the first await if that is worth it
  // CHECK-NOTES: :[[@LINE-4]]:15: note: independent co_await 1 of 2
  // CHECK-NOTES: :[[@LINE+5]]:17: note: independent co_await 2 of 2
  if (user.is_error()) {
    co_await respond(event, "No such user.");
    co_return;
  }
  auto member = co_await event.owner->co_guild_get_member(guild_id, id);
  co_await event.co_send(member.is_error() ? "not a member" : "a member");
}

// The same with awl: an answer (a reply) before the return.
#include <awl/promise.hpp>
#include <vector>
struct Account {
  bool valid = false;
};
awl::Promise<Account> find_account(int id);
awl::Promise<std::vector<int>> find_orders(int id);
awl::Promise<void> reply(std::string text);

awl::Promise<int> answered(int id) {
  Account account = co_await find_account(id);
  // CHECK-MESSAGES: :[[@LINE-1]]:21: warning: 2 independent co_await expressions run one after another; start them together with 'awl::when_all' [async-sequential-await]
  // CHECK-NOTES: :[[@LINE-2]]:21: warning: 2 independent co_await expressions
  // CHECK-NOTES: :[[@LINE-3]]:21: note: no fix-it: a guard at line [[@LINE+3]] returns between them
  // CHECK-NOTES: :[[@LINE-4]]:21: note: independent co_await 1 of 2
  // CHECK-NOTES: :[[@LINE+5]]:29: note: independent co_await 2 of 2
  if (!account.valid) {
    co_await reply("unknown account");
    co_return 0;
  }
  std::vector<int> orders = co_await find_orders(id);
  co_return static_cast<int>(orders.size());
}

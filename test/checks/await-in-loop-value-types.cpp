// RUN: %check_async %s async-await-in-loop %t
// Loops over query results whose bodies call members of value classes
// defined in another library (bsoncxx's BSON documents, D++'s data
// classes): by the ValueTypes default those act on their own object only,
// so a member edited on a copy made in the iteration, or a field read from
// the iteration's document, does not tie the iterations together. The await
// may also sit under a branch (a cache miss): then there is no fix-it, but
// the iterations may still run together.
#include "dpp/dpp.h"
#include <optional>
#include <string_view>
#include <vector>

// The shape of bsoncxx's document API; its bodies are in the library.
namespace bsoncxx::document {
class element {
 public:
  std::string_view get_string() const;
  std::int64_t get_int64() const;
};
class view {
 public:
  element operator[](std::string_view key) const;
};
}  // namespace bsoncxx::document

// A cache lookup of the program's own, in another file: a read by its name.
std::optional<dpp::guild_member> get_cached_member(dpp::cluster& bot, dpp::snowflake id);

constexpr dpp::snowflake guild_id = 1;
constexpr dpp::snowflake party_role = 2;

// Per document: fetch the member unless cached, skip on error, then take a
// role off that member. Two awaits per item, a different member each time.
dpp::task<void> remove_party_role(dpp::cluster& bot, std::vector<bsoncxx::document::view> docs) {
  for (const auto& doc : docs) {
    dpp::snowflake id = doc["_id"].get_int64();
    std::optional<dpp::guild_member> cached = get_cached_member(bot, id);
    dpp::guild_member member;
    if (!cached) {
      dpp::confirmation_callback_t fetched = co_await bot.co_guild_get_member(guild_id, id);
      // CHECK-MESSAGES: :[[@LINE-1]]:46: warning: co_await in a loop runs the iterations one after another, 2 awaits each, although no iteration needs another's results; run each iteration's awaits in a coroutine of its own and start them together with a when_all combinator [async-await-in-loop]
      // CHECK-NOTES: :[[@LINE-2]]:46: warning: co_await in a loop runs the iterations one after another, 2 awaits each
      // CHECK-NOTES: :[[@LINE-3]]:46: note: no fix-it: the body awaits more than once: its awaits would move into a coroutine per iteration (a lambda taking the item by value), all started before the one await; then every iteration starts even when an earlier one fails, a 'continue' becomes a co_return of the iteration's coroutine
      if (fetched.is_error())
        continue;
      member = fetched.get<dpp::guild_member>();
    } else {
      member = *cached;
    }
    member.remove_role(party_role);
    co_await bot.co_guild_edit_member(member);
  }
}

// A copy of each member gets a role, then is sent back: one await, its
// statement rewritable, no fix-it only because D++ has no when_all.
dpp::task<void> add_party_role(dpp::cluster& bot, std::vector<dpp::guild_member> members) {
  for (const dpp::guild_member& it : members) {
    dpp::guild_member member = it;
    member.add_role(party_role);
    co_await bot.co_guild_edit_member(member);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: co_await in a loop runs the iterations one after another; start them together and await once with a when_all combinator [async-await-in-loop]
    // CHECK-NOTES: :[[@LINE-2]]:5: warning: co_await in a loop runs the iterations one after another; start them together
    // CHECK-NOTES: :[[@LINE-3]]:5: note: no fix-it: no when_all over a range of 'dpp::async' is known; set the WhenAllFunction option
  }
}

// One await, under the cache-miss branch, the member appended after the
// branch: the order of the vector is the order of the documents whichever
// way each member was found.
dpp::task<std::vector<dpp::guild_member>> members_of(dpp::cluster& bot, std::vector<bsoncxx::document::view> docs) {
  std::vector<dpp::guild_member> found;
  for (std::size_t i = 0; i < docs.size(); i++) {
    dpp::snowflake id = docs[i]["_id"].get_int64();
    std::optional<dpp::guild_member> cached = get_cached_member(bot, id);
    dpp::guild_member member;
    if (!cached) {
      auto fetched = co_await bot.co_guild_get_member(guild_id, id);
      // CHECK-MESSAGES: :[[@LINE-1]]:22: warning: co_await in a loop runs the iterations one after another, although no iteration needs another's results; run each iteration's body in a coroutine of its own and start them together with a when_all combinator [async-await-in-loop]
      // CHECK-NOTES: :[[@LINE-2]]:22: warning: co_await in a loop runs the iterations one after another, although
      // CHECK-NOTES: :[[@LINE-3]]:22: note: no fix-it: the await sits where the rewrite cannot take it out: the body would move into a coroutine per iteration (a lambda taking the item by value), all started before the one await; then every iteration starts even when an earlier one fails, their writes outside the loop come in the order they finish, a 'continue' becomes a co_return of the iteration's coroutine
      if (fetched.is_error())
        continue;
      member = fetched.get<dpp::guild_member>();
    } else {
      member = *cached;
    }
    found.push_back(member);
  }
  co_return found;
}

// A filter: only some items are loaded, each its own.
dpp::task<void> warm_some(dpp::cluster& bot, std::vector<dpp::snowflake> ids) {
  for (dpp::snowflake id : ids) {
    if (id > 10)
      co_await bot.co_user_get_cached(id);
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: co_await in a loop runs the iterations one after another, although no iteration needs another's results; run each iteration's body in a coroutine of its own and start them together with a when_all combinator [async-await-in-loop]
    // CHECK-NOTES: :[[@LINE-2]]:7: warning: co_await in a loop runs the iterations one after another, although
    // CHECK-NOTES: :[[@LINE-3]]:7: note: no fix-it: the await sits where the rewrite cannot take it out: the body would move into a coroutine per iteration (a lambda taking the item by value), all started before the one await; then every iteration starts even when an earlier one fails{{$}}
  }
}

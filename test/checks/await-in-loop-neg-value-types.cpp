// RUN: %check_async %s async-await-in-loop %t
// Negative: what value classes do not excuse. A value object shared by
// every iteration and edited in each, a class of the program's own whose
// members' bodies are not visible, and results appended from two places
// (cached members first, fetched ones as they come) keep their order.
#include "dpp/dpp.h"
#include <optional>
#include <string>
#include <vector>

std::optional<dpp::guild_member> get_cached_member(dpp::cluster& bot, dpp::snowflake id);
std::string text_for(dpp::snowflake id);

// One message object for all iterations: each sets its text, then sends it.
dpp::task<void> announce(dpp::cluster& bot, std::vector<dpp::snowflake> ids) {
  dpp::message note;
  for (dpp::snowflake id : ids) {
    note.set_content(text_for(id));
    co_await bot.co_message_create(note);
  }
}

// Not a known value class: its member may do anything.
struct Draft {
  dpp::message message;
  void stamp();  // defined elsewhere
};
dpp::task<void> send_drafts(dpp::cluster& bot, std::vector<Draft> drafts) {
  for (Draft d : drafts) {
    d.stamp();
    co_await bot.co_message_create(d.message);
  }
}

// Cached members are appended at once, fetched ones after their await: run
// together, the vector's order would change.
dpp::task<std::vector<dpp::guild_member>> members_of(dpp::cluster& bot, std::vector<dpp::snowflake> ids) {
  std::vector<dpp::guild_member> found;
  for (dpp::snowflake id : ids) {
    std::optional<dpp::guild_member> cached = get_cached_member(bot, id);
    if (cached) {
      found.push_back(*cached);
      continue;
    }
    auto fetched = co_await bot.co_guild_get_member(1, id);
    if (fetched.is_error())
      continue;
    found.push_back(fetched.get<dpp::guild_member>());
  }
  co_return found;
}

// An await under a branch whose result decides when the loop stops.
dpp::task<int> first_missing(dpp::cluster& bot, std::vector<dpp::snowflake> ids) {
  int missing = -1;
  for (std::size_t i = 0; i < ids.size() && missing < 0; ++i) {
    if (ids[i] > 10) {
      auto fetched = co_await bot.co_user_get_cached(ids[i]);
      if (fetched.is_error())
        missing = static_cast<int>(i);
    }
  }
  co_return missing;
}

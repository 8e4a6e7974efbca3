// RUN: %check_async %s async-await-in-loop %t
// D++: the cluster is the bot's REST client, made for many requests in
// flight (it queues them by rate-limit bucket), so calls on it do not make
// the iterations of a loop depend on one another. D++ has no when_all: the
// loops are reported without a fix-it.
#include "dpp/dpp.h"
#include <vector>

// Per user: look them up, then DM them; a failed lookup skips the user.
dpp::task<int> warn_all(dpp::cluster &bot, std::vector<dpp::snowflake> ids) {
  int sent = 0;
  for (dpp::snowflake id : ids) {
    dpp::confirmation_callback_t found = co_await bot.co_user_get_cached(id);
    // CHECK-MESSAGES: :[[@LINE-1]]:42: warning: co_await in a loop runs the iterations one after another, 2 awaits each, although no iteration needs another's results; run each iteration's awaits in a coroutine of its own and start them together with a when_all combinator [async-await-in-loop]
    if (found.is_error())
      continue;
    dpp::confirmation_callback_t result =
        co_await bot.co_direct_message_create(id, dpp::message(0, "soon"));
    if (!result.is_error())
      ++sent;
  }
  co_return sent;
}

// One role edit per member, through the one cluster.
dpp::task<void> add_role_to_all(dpp::cluster &bot,
                                std::vector<dpp::guild_member> members) {
  for (const dpp::guild_member &member : members)
    co_await bot.co_guild_edit_member(member);
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: co_await in a loop runs the iterations one after another; start them together and await once with a when_all combinator [async-await-in-loop]
}

// Not the cluster: an object of the program's own, which every iteration
// modifies, keeps its order.
struct Outbox {
  dpp::async<> deliver(dpp::snowflake to);
};
dpp::task<void> through_outbox(Outbox &box, std::vector<dpp::snowflake> ids) {
  for (dpp::snowflake id : ids)
    co_await box.deliver(id);
}

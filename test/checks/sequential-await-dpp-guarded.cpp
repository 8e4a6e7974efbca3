// RUN: %check_async %s async-sequential-await %t
// D++: two reads through the bot's cluster, with guards that return between
// them (the reacting user is unknown, or a bot). The cluster takes many
// requests at once, and calls named for a get are GET requests: reported
// without a fix-it. A message sent after the guards is an effect and is
// not grouped.
#include "dpp/dpp.h"

dpp::task<void> on_reaction_removed(const dpp::message_reaction_remove_t &event) {
  auto user_callback = co_await event.owner->co_user_get_cached(event.reacting_user_id);
  // CHECK-MESSAGES: :[[@LINE-1]]:24: warning: 2 independent co_await expressions run one after another; start them together by starting each before awaiting the first [async-sequential-await]
  if (user_callback.is_error())
    co_return;
  auto user = user_callback.get<dpp::user>();
  if (user.is_bot())
    co_return;
  auto message_callback =
      co_await event.owner->co_message_get(event.message_id, event.channel_id);
  if (message_callback.is_error())
    co_return;
  co_await event.owner->co_message_create(dpp::message(event.channel_id, "noted"));
}

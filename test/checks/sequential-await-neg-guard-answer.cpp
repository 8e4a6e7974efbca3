// RUN: %check_async %s async-sequential-await %t
// Negative: guards whose branch does more than answer the event and
// return, or reads after them that do more than read, keep the order.
#include "dpp/dpp.h"

constexpr dpp::snowflake guild_id = 1;
constexpr dpp::snowflake log_channel = 2;

// The branch posts to another channel: not an answer to this event.
dpp::task<void> post_elsewhere(const dpp::message_create_t& event, dpp::snowflake id) {
  auto member = co_await event.owner->co_guild_get_member(guild_id, id);
  if (member.is_error()) {
    co_await event.owner->co_message_create(dpp::message(log_channel, "lookup failed"));
    co_return;
  }
  auto user = co_await event.owner->co_user_get_cached(id);
  co_await event.co_send(user.is_error() ? "no user" : "ok");
}

// After the guard, an edit: it must not run when the guard answers.
dpp::task<void> edit_after(const dpp::message_create_t& event, dpp::snowflake id) {
  auto member = co_await event.owner->co_guild_get_member(guild_id, id);
  if (member.is_error()) {
    co_await event.co_send("No such member.");
    co_return;
  }
  co_await event.owner->co_guild_edit_member(dpp::guild_member{id});
}

// The answer's result decides what follows: not a plain answer.
dpp::task<void> answer_checked(const dpp::message_create_t& event, dpp::snowflake id) {
  auto member = co_await event.owner->co_guild_get_member(guild_id, id);
  if (member.is_error()) {
    auto sent = co_await event.co_send("No such member.");
    if (sent.is_error())
      co_return;
    co_return;
  }
  auto user = co_await event.owner->co_user_get_cached(id);
  co_await event.co_send(user.is_error() ? "no user" : "ok");
}

// The answer may change what it is handed by reference (a "responded"
// flag), and the read after the guard reads that object.
struct Reply {
  const dpp::message_create_t* event = nullptr;
  dpp::snowflake guild = 0;
  bool answered = false;
};
dpp::task<void> respond(Reply& reply, std::string text);

dpp::task<void> answer_changes_what_is_read(Reply reply, dpp::snowflake id) {
  auto user = co_await reply.event->owner->co_user_get_cached(id);
  if (user.is_error()) {
    co_await respond(reply, "No such user.");
    co_return;
  }
  auto member = co_await reply.event->owner->co_guild_get_member(reply.guild, id);
  co_await reply.event->co_send(member.is_error() ? "not a member" : "a member");
}

// An answer that is an awaitable object constructed in place, not a call:
// the guard is not taken as answering (its constructor's name says it answers,
// but what awaiting it does is the awaiter's own).
struct Acknowledge {
  explicit Acknowledge(std::string text);
  bool await_ready() const noexcept;
  void await_suspend(std::coroutine_handle<>) noexcept;
  void await_resume();
};

dpp::task<void> answer_object(const dpp::message_create_t& event, dpp::snowflake id) {
  auto user = co_await event.owner->co_user_get_cached(id);
  if (user.is_error()) {
    co_await Acknowledge("No such user.");
    co_return;
  }
  auto member = co_await event.owner->co_guild_get_member(guild_id, id);
  co_await event.co_send(member.is_error() ? "not a member" : "a member");
}

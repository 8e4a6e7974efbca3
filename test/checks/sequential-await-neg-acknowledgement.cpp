// RUN: %check_async --fix-notes %s async-sequential-await,async-await-late %t
// Negative: answers to an event (AcknowledgementCalls) still order what
// must come after them: an operation that changes state (if the answer
// fails, the original never bans, a group would), anything that acts on the
// same event (the edit of a deferred reply, a follow-up), a second step
// whose own result is unused, and an answer sent after the work it reports.
// Other awaits done for their effect (login, wait_ready) stay ordering
// steps.
#include <awl/promise.hpp>
#include <string>

struct Interaction {
  int id;
};
struct Member {
  int id;
};

awl::Promise<void> acknowledge(const Interaction &interaction);
awl::Promise<void> InteractionDefer(const Interaction &interaction);
awl::Promise<void> co_think(const Interaction &interaction);
awl::Promise<void> reply(const Interaction &interaction,
                         const std::string &text);
awl::Promise<int> ban_member(int member);
awl::Promise<int> ModifyGuildMember(int member, const std::string &nick);
awl::Promise<int> create_dm_message(int member, const std::string &text);
awl::Promise<int> edit_response(const Interaction &interaction,
                                const std::string &text);
awl::Promise<int> lookup_member(const Interaction &interaction);
awl::Promise<void> refresh_cache();
awl::Promise<int> get_member_count(int guild);
awl::Promise<void> login(const std::string &user);
awl::Promise<std::string> fetch_secret(int id);

// The answer gates a state change.
awl::Promise<int> ban(const Interaction &interaction, int member) {
  co_await acknowledge(interaction);
  int banned = co_await ban_member(member);
  co_return banned;
}

awl::Promise<int> rename(const Interaction &interaction, int member) {
  co_await InteractionDefer(interaction);
  int changed = co_await ModifyGuildMember(member, "new nick");
  co_return changed;
}

awl::Promise<int> notify(const Interaction &interaction, int member) {
  co_await co_think(interaction);
  int sent = co_await create_dm_message(member, "you were warned");
  co_return sent;
}

// The same event: the deferred reply must exist before it is edited, and a
// lookup handed the event may answer it too.
awl::Promise<int> defer_then_edit(const Interaction &interaction) {
  co_await InteractionDefer(interaction);
  int edited = co_await edit_response(interaction, "done");
  co_return edited;
}

awl::Promise<int> think_then_lookup(const Interaction &interaction) {
  co_await co_think(interaction);
  int member = co_await lookup_member(interaction);
  co_return member;
}

struct Event {
  awl::Promise<void> co_thinking(bool ephemeral);
  awl::Promise<int> co_edit_response(const std::string &text);
  awl::Promise<int> co_get_channel();
};

awl::Promise<int> member_edit(Event &event) {
  co_await event.co_thinking(false);
  int edited = co_await event.co_edit_response("ready");
  co_return edited;
}

awl::Promise<int> member_read(Event &event) {
  co_await event.co_thinking(false);
  int channel = co_await event.co_get_channel();
  co_return channel;
}

// The second await is itself done for its effect.
awl::Promise<void> answer_then_refresh(const Interaction &interaction) {
  co_await acknowledge(interaction);
  co_await refresh_cache();
}

// The answer comes after the work it reports.
awl::Promise<int> report_count(const Interaction &interaction, int guild) {
  int count = co_await get_member_count(guild);
  co_await reply(interaction, std::to_string(count));
  co_return count;
}

awl::Promise<int> count_then_answer(const Interaction &interaction, int guild) {
  int count = co_await get_member_count(guild);
  co_await reply(interaction, "counted");
  co_return count;
}

// Not answers: a login is an ordering step for the read after it.
awl::Promise<std::string> login_then_fetch(int id) {
  co_await login("admin");
  std::string secret = co_await fetch_secret(id);
  co_return secret;
}

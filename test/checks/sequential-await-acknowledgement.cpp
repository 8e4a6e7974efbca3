// RUN: %check_async --fix-notes %s async-sequential-await %t
// Answers to an event (AcknowledgementCalls) whose results are unused are
// not ordering steps for what follows when it changes no state and touches
// nothing the answer touches: a deferred interaction and a new database
// transaction, a "thinking" answer and a user lookup, the answers to two
// different interactions. The callees are only declared, so every fix is on
// a note; they are applied and compiled. (A result returned by name stays a
// variable, moved out of its binding, so co_return still moves it.)
#include <awl/promise.hpp>
// CHECK-FIXES: {{^}}#include <awl/when_all.hpp>{{$}}
#include <string>

struct Interaction {
  int id;
};
struct Transaction {
  static awl::Promise<Transaction> New();
  int handle = 0;
};

struct Bot {
  awl::Promise<void> InteractionDefer(const Interaction &interaction,
                                      bool thinking = false);
  awl::Promise<int> handle_rank(const Interaction &interaction);
};

awl::Promise<int> Bot::handle_rank(const Interaction &interaction) {
  co_await InteractionDefer(interaction, true);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 2 independent co_await expressions run one after another; start them together with 'awl::when_all' [async-sequential-await]
  Transaction txn = co_await Transaction::New();
  // CHECK-FIXES: {{^}}  auto [InteractionDefer_done, txn] = co_await awl::when_all(InteractionDefer(interaction, true), Transaction::New());{{$}}
  co_return txn.handle;
}

struct SlashEvent {
  awl::Promise<void> co_thinking(bool ephemeral);
  awl::Promise<void> co_reply(const std::string &text);
};
awl::Promise<std::string> get_user_name(int user);

awl::Promise<std::string> whois(SlashEvent &event, int user) {
  co_await event.co_thinking(true);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 2 independent co_await expressions run one after another; start them together with 'awl::when_all' [async-sequential-await]
  std::string name = co_await get_user_name(user);
  // CHECK-FIXES: {{^}}  auto [co_thinking_done, name_value] = co_await awl::when_all(event.co_thinking(true), get_user_name(user));{{$}}
  // CHECK-FIXES-NEXT: {{^}}  std::string name = std::move(name_value);{{$}}
  co_return name;
}

// Two answers to two different interactions (the button click, and the
// command whose message it belongs to).
awl::Promise<void> cancel(SlashEvent &command, SlashEvent &button) {
  co_await command.co_reply("Command interrupted!");
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 2 independent co_await expressions run one after another; start them together with 'awl::when_all' [async-sequential-await]
  co_await button.co_thinking(false);
  // CHECK-FIXES: {{^}}  co_await awl::when_all(command.co_reply("Command interrupted!"), button.co_thinking(false));{{$}}
}

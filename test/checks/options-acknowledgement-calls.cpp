// RUN: %check_async --config="{CheckOptions: {async-sequential-await.AcknowledgementCalls: '', async-sequential-await.ExtraAcknowledgementCalls: 'greet'}}" %s async-sequential-await %t
// AcknowledgementCalls set to empty turns the default names off: defer then
// a read is an ordering step again. ExtraAcknowledgementCalls adds names of
// its own (greet), which still work with the defaults off.
#include <awl/promise.hpp>

struct Interaction {
  int id;
};
awl::Promise<void> InteractionDefer(const Interaction &interaction);
awl::Promise<void> greet(const Interaction &interaction);
awl::Promise<int> get_rank(int user);

awl::Promise<int> defer_then_read(const Interaction &interaction, int user) {
  co_await InteractionDefer(interaction);
  int rank = co_await get_rank(user);
  co_return rank;
}

awl::Promise<int> greet_then_read(const Interaction &interaction, int user) {
  co_await greet(interaction);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 2 independent co_await expressions run one after another; start them together with 'awl::when_all' [async-sequential-await]
  int rank = co_await get_rank(user);
  co_return rank;
}

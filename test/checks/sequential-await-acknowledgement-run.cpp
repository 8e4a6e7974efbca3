// RUN: %check_async --fix-notes %s async-sequential-await %t
// RUN-AND-COMPARE
// ELAPSED-BEFORE: 250ms
// ELAPSED-AFTER: 150ms
// An acknowledgement (AcknowledgementCalls: acknowledge, defer, think, reply,
// respond) whose result is unused is not an ordering step for a different
// operation that changes no state and touches nothing the answer touches:
// answering the event (100 ms) and opening a session (150 ms) take 250 ms
// one after the other, 150 ms together. What the answer does is not all
// visible (it calls the host through a pointer), so the fix is on a note:
// if the answer fails, the session is opened anyway.
#include <awl/awl.hpp>
#include <cstdio>

void (*on_acknowledged)(int) = nullptr; // set by the host

struct Interaction {
  int id;
};

// The transport: a promise a timer settles (effects the analysis cannot see).
awl::Promise<void> transport(double ms) {
  return awl::Promise<void>([ms](awl::Resolver<void> resolve, awl::Rejecter<void>) {
    awl::set_timeout([resolve]() mutable { resolve(); }, ms);
  });
}

awl::Promise<void> acknowledge(const Interaction &interaction) {
  co_await transport(100);
  if (on_acknowledged != nullptr) on_acknowledged(interaction.id);
}

awl::Promise<int> open_session(int user) {
  co_await transport(150);
  co_return user * 10;
}

awl::Promise<int> handle(const Interaction &interaction, int user) {
  co_await acknowledge(interaction);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 2 independent co_await expressions run one after another; start them together with 'awl::when_all' [async-sequential-await]
  int session = co_await open_session(user);
  // CHECK-FIXES: {{^}}  auto [acknowledge_done, session] = co_await awl::when_all(acknowledge(interaction), open_session(user));{{$}}
  co_return session;
}

int main() {
  awl::EventLoop loop{awl::virtual_time};
  (void)handle(Interaction{7}, 3).then([&](int s) {
    std::printf("session %d\n", s);
    std::printf("elapsed %.0fms\n", loop.now());
  });
  loop.run();
}

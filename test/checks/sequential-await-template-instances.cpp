// RUN: %check_async %s async-sequential-await,async-await-in-loop %t
// Awaits in a function template whose types depend on the template
// parameter are found in its instantiations and reported once, without a
// fix-it (the fix would spell one instantiation's types).
#include <awl/promise.hpp>
#include <vector>

template <class Client> awl::Promise<int> load(Client &client, int id) {
  auto a = co_await client.fetch_a(id);
  // CHECK-NOTES: :[[@LINE-1]]:12: warning: 2 independent co_await expressions run one after another; start them together with 'awl::when_all' [async-sequential-await]
  // CHECK-NOTES: :[[@LINE-2]]:12: note: no fix-it: the awaited type depends on a template parameter
  // CHECK-NOTES: :[[@LINE-3]]:12: note: independent co_await 1 of 2
  auto b = co_await client.fetch_b(id);
  // CHECK-NOTES: :[[@LINE-1]]:12: note: independent co_await 2 of 2
  co_return a + b;
}

struct First {
  awl::Promise<int> fetch_a(int id) const;
  awl::Promise<int> fetch_b(int id) const;
};
struct Second {
  awl::Promise<int> fetch_a(int id) const;
  awl::Promise<int> fetch_b(int id) const;
};

// Calls of the instantiations are not dependent: an ordinary group.
awl::Promise<int> both(First &f, Second &s) {
  int x = co_await load(f, 1);
  // CHECK-NOTES: :[[@LINE-1]]:11: warning: 2 independent co_await expressions run one after another; start them together with 'awl::when_all' [async-sequential-await]
  // CHECK-NOTES: :[[@LINE-2]]:11: note: independent co_await 1 of 2
  int y = co_await load(s, 2);
  // CHECK-NOTES: :[[@LINE-1]]:11: note: independent co_await 2 of 2
  // CHECK-FIXES: {{^}}  auto [x, y] = co_await awl::when_all(load(f, 1), load(s, 2));{{$}}
  co_return x + y;
}

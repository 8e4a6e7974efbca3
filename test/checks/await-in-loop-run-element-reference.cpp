// RUN: %check_async --fix-notes %s async-await-in-loop %t
// RUN-AND-COMPARE
// ELAPSED-BEFORE: 300ms
// ELAPSED-AFTER: 100ms
// `for (auto &account : accounts) co_await settle(account);` hands each
// iteration's call a different element of the vector by non-const
// reference: the range-for's iterator steps to a new element each time, so
// the calls share nothing and the loop is reported and rewritten (300 ms ->
// 100 ms, the same balances). 'settle' writes the caller's accounts, so the
// fix-it is on a note (--fix-notes).
#include <awl/awl.hpp>
#include <cstdio>
#include <vector>

struct Account {
  int id;
  int balance;
};

awl::Promise<void> settle(Account &account) {
  co_await awl::sleep(100);
  account.balance += account.id * 10;
}

awl::Promise<void> settle_all(std::vector<Account> &accounts) {
  for (auto &account : accounts)
    co_await settle(account);
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: co_await in a loop runs the iterations one after another; start them together and await once with 'awl::when_all' [async-await-in-loop]
  // CHECK-FIXES: {{^}}  settle_tasks.reserve(accounts.size());{{$}}
  // CHECK-FIXES: {{^}}    settle_tasks.push_back(settle(account));{{$}}
  // CHECK-FIXES: {{^}}  co_await awl::when_all(std::move(settle_tasks));{{$}}
}

int main() {
  awl::EventLoop loop{awl::virtual_time};
  const double start = loop.now();
  std::vector<Account> accounts{{1, 100}, {2, 200}, {3, 300}};
  (void)settle_all(accounts).then([&] {
    for (const Account &account : accounts)
      std::printf("%d: %d\n", account.id, account.balance);
    std::printf("elapsed %.0fms\n", loop.now() - start);
  });
  loop.run();
}

// RUN: %check_async %s async-await-in-loop %t
// Negative: a loop variable bound by reference names a different object
// each iteration only through the range's iterator. When the call also gets
// one object every iteration shares (the ledger), or the body writes
// through the element to something outside it, the iterations stay in turn.
#include <awl/promise.hpp>
#include <awl/sleep.hpp>
#include <vector>

struct Ledger {
  int entries = 0;
  void add(int amount) { entries += amount; }
};
void note_in(Ledger *ledger, int id) { ledger->entries += id; }
struct Account {
  int id;
  int balance;
  Ledger *ledger;
};

awl::Promise<void> record(Account &account, Ledger &ledger) {
  co_await awl::sleep(10);
  account.balance -= 1;
  ledger.entries += 1;
}
awl::Promise<int> fetch_balance(int id) {
  co_await awl::sleep(10);
  co_return id * 2;
}

awl::Promise<void> post_all(std::vector<Account> &accounts, Ledger &ledger) {
  // One ledger for every iteration.
  for (auto &account : accounts)
    co_await record(account, ledger);
  // The element's result feeds the next iteration's operand.
  int carry = 0;
  for (auto &account : accounts) {
    account.balance = co_await fetch_balance(account.id + carry);
    carry = account.balance;
  }
  // Through the element, every iteration writes the one ledger it points to.
  for (auto &account : accounts) {
    account.balance = co_await fetch_balance(account.id);
    account.ledger->entries += 1;
  }
  // The same through a copy of the item, a call on the pointee, and the
  // pointer handed to a function that writes through it.
  for (Account account : accounts) {
    account.balance = co_await fetch_balance(account.id);
    account.ledger->entries = account.id;
  }
  for (auto &account : accounts) {
    account.balance = co_await fetch_balance(account.id);
    account.ledger->add(account.balance);
  }
  for (const Account &account : accounts) {
    int balance = co_await fetch_balance(account.id);
    note_in(account.ledger, balance);
  }
}

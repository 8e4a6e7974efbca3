// RUN: %check_async %s async-sequential-await %t
// An await whose operand awaits too: the await it evaluates first may join
// the group before it, as its last member, when nothing evaluated ahead of
// it has an effect (`co_await Dao(co_await open()).get(k)`: the object of a
// member call is evaluated before its arguments). No fix-it: the nested
// await needs a statement of its own first.
#include <awl/promise.hpp>

struct Interaction {
  int id;
};
struct Transaction {
  static awl::Promise<Transaction> open();
  int handle = 0;
};
struct RankDao {
  explicit RankDao(Transaction txn);
  awl::Promise<int> get_rank(int user) const;
};

awl::Promise<void> acknowledge(const Interaction &interaction);
awl::Promise<int> fetch_price(int sku);
awl::Promise<int> fetch_stock(int sku);
awl::Promise<int> combine(int value, int scale);

awl::Promise<int> rank(const Interaction &interaction, int user) {
  co_await acknowledge(interaction);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: 2 independent co_await expressions run one after another; start them together with 'awl::when_all' [async-sequential-await]
  // CHECK-NOTES: :[[@LINE-2]]:3: note: no fix-it: the last one is nested in the operand of another co_await; give it a statement of its own first
  // CHECK-NOTES: :[[@LINE-3]]:3: note: independent co_await 1 of 2
  int position = co_await RankDao(co_await Transaction::open()).get_rank(user);
  // CHECK-NOTES: :[[@LINE-1]]:35: note: independent co_await 2 of 2
  co_return position;
}

awl::Promise<int> priced(int sku, int scale) {
  int price = co_await fetch_price(sku);
  // CHECK-NOTES: :[[@LINE-1]]:15: warning: 2 independent co_await expressions run one after another; start them together with 'awl::when_all' [async-sequential-await]
  // CHECK-NOTES: :[[@LINE-2]]:15: note: no fix-it: the last one is nested in the operand of another co_await; give it a statement of its own first
  // CHECK-NOTES: :[[@LINE-3]]:15: note: independent co_await 1 of 2
  int stock = co_await combine(co_await fetch_stock(sku), scale);
  // CHECK-NOTES: :[[@LINE-1]]:32: note: independent co_await 2 of 2
  co_return price + stock;
}

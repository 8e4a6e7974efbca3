// RUN: %check_async %s async-sequential-await %t
// `if (c) co_await f(x);`: an await alone under an if (no else) is grouped
// with the awaits around it when its condition could be evaluated where the
// group starts: it reads only what no earlier member changes, calls nothing
// of unknown effect and does not suspend. No fix-it: each task has to be
// started under its own condition.
#include <awl/promise.hpp>

struct Connection {
  int id;
  bool open;
  bool (*probe)(int);
  // A predicate whose body the analysis cannot follow (an indirect call):
  // its name says it only reads.
  bool is_open() const { return probe(id); }
};

awl::Promise<void> close_connection(Connection &connection);
awl::Promise<void> warm(int shard);

awl::Promise<void> close_both(Connection &left, Connection &right) {
  if (left.open)
    co_await close_connection(left);
  // CHECK-NOTES: :[[@LINE-1]]:5: warning: 2 independent co_await expressions run one after another; start them together with 'awl::when_all' [async-sequential-await]
  // CHECK-NOTES: :[[@LINE-2]]:5: note: no fix-it: one of them runs only under its if; start each task under its condition, then await them
  // CHECK-NOTES: :[[@LINE-3]]:5: note: independent co_await 1 of 2
  if (right.open) {
    co_await close_connection(right);
    // CHECK-NOTES: :[[@LINE-1]]:5: note: independent co_await 2 of 2
  }
}

awl::Promise<void> close_open_ones(Connection &left, Connection &right) {
  if (left.is_open())
    co_await close_connection(left);
  // CHECK-NOTES: :[[@LINE-1]]:5: warning: 2 independent co_await expressions run one after another; start them together with 'awl::when_all' [async-sequential-await]
  // CHECK-NOTES: :[[@LINE-2]]:5: note: no fix-it: one of them runs only under its if; start each task under its condition, then await them
  // CHECK-NOTES: :[[@LINE-3]]:5: note: independent co_await 1 of 2
  if (right.is_open())
    co_await close_connection(right);
  // CHECK-NOTES: :[[@LINE-1]]:5: note: independent co_await 2 of 2
}

// A conditional await after an unconditional one, and one before.
awl::Promise<void> warm_shards(bool all) {
  co_await warm(1);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: 2 independent co_await expressions run one after another; start them together with 'awl::when_all' [async-sequential-await]
  // CHECK-NOTES: :[[@LINE-2]]:3: note: no fix-it: one of them runs only under its if; start each task under its condition, then await them
  // CHECK-NOTES: :[[@LINE-3]]:3: note: independent co_await 1 of 2
  if (all)
    co_await warm(2);
  // CHECK-NOTES: :[[@LINE-1]]:5: note: independent co_await 2 of 2
}

awl::Promise<void> warm_first_maybe(bool first) {
  if (first)
    co_await warm(1);
  // CHECK-NOTES: :[[@LINE-1]]:5: warning: 2 independent co_await expressions run one after another; start them together with 'awl::when_all' [async-sequential-await]
  // CHECK-NOTES: :[[@LINE-2]]:5: note: no fix-it: one of them runs only under its if; start each task under its condition, then await them
  // CHECK-NOTES: :[[@LINE-3]]:5: note: independent co_await 1 of 2
  co_await warm(2);
  // CHECK-NOTES: :[[@LINE-1]]:3: note: independent co_await 2 of 2
}

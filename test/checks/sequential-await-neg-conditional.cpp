// RUN: %check_async %s async-sequential-await %t
// Negative: awaits under an if stay in order when the condition could not
// be evaluated where the group starts, or the if is not an await alone.
#include <awl/promise.hpp>

struct Connection {
  int id;
  bool open;
};

awl::Promise<void> close_connection(Connection &connection);
awl::Promise<void> load(int &slot);
awl::Promise<bool> ready(int shard);
awl::Promise<void> warm(int shard);
bool should_warm(int shard); // effects unknown
void note(int shard);

// The first await may change what the second condition reads.
awl::Promise<void> load_second_if_first_empty(int &first, int &second) {
  co_await load(first);
  if (first == 0)
    co_await load(second);
}

// The condition calls a function of unknown effect.
awl::Promise<void> warm_if_asked() {
  co_await warm(1);
  if (should_warm(2))
    co_await warm(2);
}

// The condition suspends.
awl::Promise<void> warm_when_ready() {
  co_await warm(1);
  if (co_await ready(2))
    co_await warm(2);
}

// Not an await alone: an else, a second statement, a declaration.
awl::Promise<void> warm_one_or_other(bool first) {
  co_await warm(1);
  if (first)
    co_await warm(2);
  else
    co_await warm(3);
}

awl::Promise<void> warm_and_note(bool more) {
  co_await warm(1);
  if (more) {
    co_await warm(2);
    note(2);
  }
}

awl::Promise<void> warm_with_init(bool more) {
  co_await warm(1);
  if (int shard = 2; more)
    co_await warm(shard);
}

// The same connection under both conditions.
awl::Promise<void> close_twice(Connection &connection) {
  if (connection.open)
    co_await close_connection(connection);
  if (connection.open)
    co_await close_connection(connection);
}

// RUN: %check_async --config="{CheckOptions: {async-sequential-await.ConditionalAwaits: false}}" %s async-sequential-await %t
// Negative: with ConditionalAwaits off, awaits under an if are not grouped.
#include <awl/promise.hpp>

struct Connection {
  int id;
  bool open;
};

awl::Promise<void> close_connection(Connection &connection);

awl::Promise<void> close_both(Connection &left, Connection &right) {
  if (left.open)
    co_await close_connection(left);
  if (right.open)
    co_await close_connection(right);
}

// RUN: %check_async %s async-sequential-await %t
// Negative: two awaits that each act through a pointer kept in a different
// object (a request's connection, a job's account). Two requests may hold the
// same connection, and two jobs the same account: what the pointers point to
// has no name here, so the calls may act on one object and keep their order.
#include <awl/promise.hpp>
#include <awl/sleep.hpp>

struct Connection {
  int sent = 0;
};
struct Request {
  int id;
  Connection *connection;
};

awl::Promise<int> send(Connection &connection, int id) {
  co_await awl::sleep(10);
  connection.sent += 1;
  co_return connection.sent * 100 + id;
}
awl::Promise<int> send_on(Connection *connection, int id) {
  co_await awl::sleep(10);
  connection->sent += 1;
  co_return connection->sent * 100 + id;
}

awl::Promise<int> forward(Request first, Request second) {
  int a = co_await send(*first.connection, first.id);
  int b = co_await send(*second.connection, second.id);
  int c = co_await send_on(first.connection, first.id);
  int d = co_await send_on(second.connection, second.id);
  co_return a + b + c + d;
}

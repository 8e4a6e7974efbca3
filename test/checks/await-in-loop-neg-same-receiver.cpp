// RUN: %check_async %s async-await-in-loop %t
// Negative: every iteration calls a non-const member function of the same
// object (one connection), or passes it by non-const reference: most such
// objects cannot serve concurrent requests (SameObjectIsDependent, default
// true). Also members of the enclosing class.
#include <awl/promise.hpp>
#include <vector>

struct Connection {
  awl::Promise<int> query(int key);
};
awl::Promise<int> query_on(Connection& conn, int key);

awl::Promise<int> sum(Connection& conn, const std::vector<int>& keys) {
  int total = 0;
  for (int key : keys) total += co_await conn.query(key);
  for (int key : keys) total += co_await query_on(conn, key);
  Connection* pointer = &conn;
  for (int key : keys) total += co_await pointer->query(key);
  co_return total;
}

struct Client {
  awl::Promise<int> fetch(int key);
  awl::Promise<int> fetch_all(const std::vector<int>& keys) {
    int total = 0;
    for (int key : keys) total += co_await fetch(key);
    co_return total;
  }
};

// RUN: %check_async %s async-await-in-loop %t -- -Wno-deprecated-coroutine
// Negative: `for co_await` (Coroutines TS, which clang still accepts) walks an
// asynchronous stream whose every step awaits the next element: a cursor,
// not a range whose elements could be started up front. (Found on asio's
// range_based_for.cpp example.)
#include "fetch_api.hpp"
// An asynchronous stream of ids: begin() and ++ await the next element.
struct IdStream {
  struct iterator {
    int current = 0;
    awl::Promise<void> operator++();
    int operator*() const { return current; }
    bool operator!=(const iterator &other) const { return current != other.current; }
  };
  awl::Promise<iterator> begin();
  iterator end();
};

awl::Promise<int> send_all(IdStream &stream) {
  int total = 0;
  for co_await (int id : stream) {
    co_await notify(id);
  }
  co_return total;
}

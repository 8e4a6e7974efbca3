// RUN: %check_async %s async-sequential-await %t
// Negative: a function that returns a promise made from cobalt::noop (no
// coroutine; Cobalt's promise and generator take a noop as complete) has
// nothing left to run when it is awaited: starting it together with another
// await saves nothing.
#include <boost/cobalt.hpp>

namespace cobalt = boost::cobalt;

cobalt::promise<int> fetch_count(int id);
cobalt::promise<int> cached_count() { return cobalt::noop(42); }
cobalt::promise<void> nothing_to_do() { return cobalt::noop(); }

cobalt::promise<int> total(int id) {
  int fresh = co_await fetch_count(id);
  int cached = co_await cached_count();
  co_return fresh + cached;
}

cobalt::promise<int> total_after_nothing(int id) {
  co_await nothing_to_do();
  int fresh = co_await fetch_count(id);
  co_return fresh;
}

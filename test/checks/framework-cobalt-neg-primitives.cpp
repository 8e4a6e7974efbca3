// RUN: %check_async %s async-sequential-await %t
// Negative: Boost.Cobalt's sleep, this_coro queries and race / left_race
// (a wait for the first of several) are never grouped, with each other or
// with the work around them, which they separate.
#include <boost/cobalt.hpp>
#include <boost/cobalt/io/sleep.hpp>
#include <chrono>

namespace cobalt = boost::cobalt;
using namespace std::chrono_literals;

cobalt::task<int> fetch_count(int id);

cobalt::task<int> paced(int id) {
  co_await cobalt::io::sleep(10ms);
  co_await cobalt::io::sleep(10ms);
  int a = co_await fetch_count(id);
  auto exec = co_await cobalt::this_coro::executor;
  int b = co_await fetch_count(id + 1);
  auto first = co_await cobalt::race(fetch_count(id + 2), fetch_count(id + 3));
  auto left = co_await cobalt::left_race(fetch_count(id + 4), cobalt::io::sleep(5ms));
  int c = co_await fetch_count(id + 5);
  (void)exec;
  co_return a + b + c + static_cast<int>(first.index() + left.index());
}

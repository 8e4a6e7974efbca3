// RUN: %check_async %s async-sequential-await %t
// Negative: a seastar::future is eager: both calls already run when their
// futures are created, so awaiting one then the other costs nothing, with
// or without std::move.
#include <seastar/core/coroutine.hh>
#include <seastar/core/future.hh>
#include <string>
#include <utility>

seastar::future<int> fetch_count(int id);
seastar::future<std::string> fetch_name(int id);

seastar::future<int> load(int id) {
  seastar::future<int> count = fetch_count(id);
  auto name = fetch_name(id);
  auto more = fetch_count(id + 1);
  int a = co_await std::move(count);
  std::string b = co_await std::move(name);
  int c = co_await std::move(more);
  co_return a + c + static_cast<int>(b.size());
}

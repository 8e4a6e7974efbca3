// RUN: %check_async %s async-sequential-await %t
// Negative: a cobalt::promise is eager: both calls already run when their
// promises are created, so awaiting one then the other costs nothing (by
// name or with std::move).
#include <boost/cobalt.hpp>
#include <string>
#include <utility>

namespace cobalt = boost::cobalt;

cobalt::promise<int> fetch_count(int id);
cobalt::promise<std::string> fetch_name(int id);

cobalt::promise<int> load(int id) {
  cobalt::promise<int> count = fetch_count(id);
  auto name = fetch_name(id);
  auto more = fetch_count(id + 1);
  int a = co_await count;
  std::string b = co_await std::move(name);
  int c = co_await more;
  co_return a + c + static_cast<int>(b.size());
}

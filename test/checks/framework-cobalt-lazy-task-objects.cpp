// RUN: %check_async %s async-sequential-await %t
// A cobalt::task is lazy (unlike cobalt::promise): creating both first does
// not start them, awaiting one then the other runs them one after another.
// Reported, without a fix (the awaits name existing task objects).
#include <boost/cobalt.hpp>
#include <string>
#include <utility>

namespace cobalt = boost::cobalt;

cobalt::task<int> fetch_count(int id);
cobalt::task<std::string> fetch_name(int id);

cobalt::task<int> load(int id) {
  cobalt::task<int> count = fetch_count(id);
  auto name = fetch_name(id);
  int a = co_await std::move(count);
  // CHECK-NOTES: :[[@LINE-1]]:11: warning: 2 independent co_await expressions run one after another; start them together with 'boost::cobalt::join' [async-sequential-await]
  // CHECK-NOTES: :[[@LINE-2]]:11: note: no fix-it: it awaits existing task objects; start them with a combined await by hand
  // CHECK-NOTES: :[[@LINE-3]]:11: note: independent co_await 1 of 2
  std::string b = co_await std::move(name);
  // CHECK-NOTES: :[[@LINE-1]]:19: note: independent co_await 2 of 2
  co_return a + static_cast<int>(b.size());
}

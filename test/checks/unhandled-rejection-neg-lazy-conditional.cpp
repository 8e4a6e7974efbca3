// RUN: %check_async %s async-unhandled-rejection %t
// A lazy task held in a variable and awaited on some paths only: where it
// is skipped it never ran, so nothing failed unseen.
#include <cppcoro/task.hpp>

cppcoro::task<int> compute(int x);

cppcoro::task<int> maybe(int x, bool wanted) {
  auto work = compute(x);
  if (!wanted)
    co_return 0;
  co_return co_await work;
}

cppcoro::task<int> first_of(int x) {
  auto cheap = compute(x);
  auto costly = compute(x * 2);
  int a = co_await cheap;
  if (a > 0)
    co_return a;
  co_return co_await costly;
}

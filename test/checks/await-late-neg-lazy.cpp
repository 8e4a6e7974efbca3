// RUN: %check_async %s async-await-late %t
// Negative: a lazy task does not run until it is awaited, so calling it
// early and awaiting it late gains nothing; await-late is for eager tasks.
#include <cppcoro/task.hpp>

cppcoro::task<int> fetch_config(int id);
cppcoro::task<int> fetch_extra(int id);

cppcoro::task<int> report(int id) {
  int config = co_await fetch_config(id);
  int extra = 0;
  if (id > 2) {
    extra = co_await fetch_extra(id);
  }
  co_return config + extra;
}

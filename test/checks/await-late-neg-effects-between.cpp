// RUN: %check_async %s async-await-late %t
// Negative: the code the await would move past has effects the running
// call could observe (an await of a call with side effects, a log call,
// a write to a member), or leaves the function first.
#include "fetch_api.hpp"

struct Report {
  int total = 0;

  awl::Promise<int> send(int id) {
    int count = co_await fetch_count(id);
    int sent = 0;
    if (id > 1) {
      co_await send_email("ops@example.com");
      sent = 1;
    }
    co_return count + sent;
  }

  awl::Promise<int> logged(int id) {
    int count = co_await fetch_count(id);
    log_event("counted");
    int orders = co_await fetch_orders(id + 1);
    co_return count + orders;
  }

  awl::Promise<int> member(int id) {
    int count = co_await fetch_count(id);
    total += 1;
    int orders = co_await fetch_orders(id + total);
    co_return count + orders;
  }

  awl::Promise<int> early_exit(int id) {
    int count = co_await fetch_count(id);
    if (id < 0)
      co_return 0;
    int orders = co_await fetch_orders(id);
    co_return count + orders;
  }
};

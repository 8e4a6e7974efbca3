// RUN: %check_async %s async-unhandled-rejection %t
// drogon's AsyncTask is made to be dropped: it cannot be awaited, and an
// exception escaping it is fatal (its unhandled_exception terminates), so a
// discarded AsyncTask loses nothing silently.
#include <drogon/utils/coroutine.h>

drogon::AsyncTask send_metrics(int id) {
  co_return;
}

void on_request(int id) {
  send_metrics(id);
  auto pending = send_metrics(id + 1);
}

// RUN: %check_async %s async-unhandled-rejection %t
// ORACLE: observed
// Outside a coroutine a promise is observed by a rejection handler: catch_
// or a two-argument then, attached on every path.
#include "oracle_api.hpp"

int failures = 0;

void refresh_in_background(int id) {
  auto refreshed = backend::fetch(id);
  (void)refreshed.catch_([](std::exception_ptr) {
    ++failures;
    return 0;
  });
}

void report_when_done(int id, bool verbose) {
  auto saved = backend::store(id);
  if (verbose) {
    (void)saved.then([] { std::printf("saved\n"); },
                     [](std::exception_ptr) { ++failures; });
    return;
  }
  (void)saved.catch_([](std::exception_ptr) { ++failures; });
}

awl::Promise<void> start() {
  refresh_in_background(1);
  report_when_done(2, true);
  report_when_done(3, false);
  co_await awl::sleep(50);
}

int main() { return oracle::run(start); }

// RUN: %check_async %s async-unhandled-rejection %t
// Seastar code detaches a future after attaching its own handler
// (handle_exception, then_wrapped): the failure is observed there.
#include <seastar/core/future.hh>
#include <exception>

seastar::future<int> fetch_count(int id);
seastar::future<> flush_log();
void log_failure(std::exception_ptr e);

void background_refresh(int id) {
  fetch_count(id).handle_exception([](std::exception_ptr e) {
    log_failure(e);
    return 0;
  });
  flush_log().then_wrapped([](seastar::future<> f) {
    try {
      f.get();
    } catch (...) {
      log_failure(std::current_exception());
    }
  });
}

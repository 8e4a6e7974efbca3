// RUN: %check_async --fix-notes %s async-unhandled-rejection %t
// A Seastar future dropped in a coroutine: its failure is only logged as an
// "exceptional future ignored" when it is destroyed. Awaiting it observes
// it.
#include <seastar/core/coroutine.hh>
#include <seastar/core/future.hh>

seastar::future<> flush_log();
seastar::future<int> fetch_count(int id);

seastar::future<int> handle(int id) {
  flush_log();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: the promise returned by 'flush_log' is discarded
  // CHECK-FIXES: {{^}}  co_await flush_log();{{$}}
  co_return co_await fetch_count(id);
}

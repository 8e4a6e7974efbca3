// RUN: %check_async --fix-notes --config="{CheckOptions: {async-unhandled-rejection.AllowCastToVoid: false, async-unhandled-rejection.AllowedCalls: 'notify;(.*::)?send_.*'}}" %s async-unhandled-rejection %t
// AllowCastToVoid=false: a cast to void is reported too (in a coroutine the
// fix replaces the cast with co_await). AllowedCalls are never reported.
#include "fetch_api.hpp"

awl::Promise<int> detached(int id) {
  (void)fetch_count(id);
  // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: the promise returned by 'fetch_count' is discarded: if it rejects, no code observes the exception (cast to void; AllowCastToVoid is off) [async-unhandled-rejection]
  // CHECK-FIXES: {{^}}  co_await fetch_count(id);{{$}}
  notify(id);
  send_email("a@b.c");
  co_return 0;
}

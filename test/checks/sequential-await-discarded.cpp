// RUN: %check_async %s async-sequential-await %t
// Awaits whose results are discarded become one co_await of when_all.
#include "fetch_api.hpp"

awl::Promise<void> warm_up(int id) {
  co_await load_cache(id);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 2 independent co_await expressions run one after another; start them together with 'awl::when_all' [async-sequential-await]
  co_await load_config();
  // CHECK-FIXES: {{^}}  co_await awl::when_all(load_cache(id), load_config());{{$}}
  // CHECK-FIXES-NOT: co_await load_cache(id);
}

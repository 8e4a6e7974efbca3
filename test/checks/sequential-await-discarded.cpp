// RUN: %check_async %s async-sequential-await %t
// Awaits whose results are discarded become one co_await of when_all: the
// same operation on different arguments (a different one would be an
// ordering step, see sequential-await-neg-ordering-steps.cpp).
#include "fetch_api.hpp"

awl::Promise<void> warm_up(int id) {
  co_await load_cache(id);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 2 independent co_await expressions run one after another; start them together with 'awl::when_all' [async-sequential-await]
  co_await load_cache(id + 1);
  // CHECK-FIXES: {{^}}  co_await awl::when_all(load_cache(id), load_cache(id + 1));{{$}}
  // CHECK-FIXES-NOT: co_await load_cache(id);
}

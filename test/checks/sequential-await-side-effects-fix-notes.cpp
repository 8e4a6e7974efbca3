// RUN: %check_async --fix-notes %s async-sequential-await %t
// With --fix-notes the fix-it attached to the note is applied.
#include "fetch_api.hpp"

awl::Promise<void> welcome(int id, std::string address) {
  co_await send_email(address);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 2 independent co_await expressions run one after another; start them together with 'awl::when_all' [async-sequential-await]
  co_await send_email(address + ".copy");
  // CHECK-FIXES: #include <awl/when_all.hpp>
  // CHECK-FIXES: {{^}}  co_await awl::when_all(send_email(address), send_email(address + ".copy"));{{$}}
}

// RUN: %check_async --fix-notes %s async-await-in-loop %t
// With --fix-notes the fix-it attached to the note is applied. The
// addresses are referenced by the tasks: they live in 'addresses', which
// outlives the combined await.
#include <awl/promise.hpp>
#include <string>
#include <vector>

awl::Promise<void> send_email(const std::string& to);

awl::Promise<void> announce(const std::vector<std::string>& addresses) {
  for (const auto& address : addresses) co_await send_email(address);
  // CHECK-MESSAGES: :[[@LINE-1]]:41: warning: co_await in a loop runs the iterations one after another; start them together and await once with 'awl::when_all' [async-await-in-loop]
  // CHECK-FIXES: {{^}}#include <awl/when_all.hpp>{{$}}
  // CHECK-FIXES: {{^}}  std::vector<awl::Promise<void>> send_email_tasks;{{$}}
  // CHECK-FIXES-NEXT: {{^}}  send_email_tasks.reserve(addresses.size());{{$}}
  // CHECK-FIXES-NEXT: {{^}}  for (const auto& address : addresses) send_email_tasks.push_back(send_email(address));{{$}}
  // CHECK-FIXES-NEXT: {{^}}  co_await awl::when_all(std::move(send_email_tasks));{{$}}
}

// RUN: %check_async %s async-await-in-loop %t
// 'send_email' may have side effects: when_all would start every call at
// once and fail fast, so the fix-it is on a note (not applied by --fix).
#include <awl/promise.hpp>
#include <string>
#include <vector>

awl::Promise<void> send_email(const std::string& to);

awl::Promise<void> announce(const std::vector<std::string>& addresses) {
  for (const auto& address : addresses) co_await send_email(address);
  // CHECK-NOTES: :[[@LINE-1]]:41: warning: co_await in a loop runs the iterations one after another; start them together and await once with 'awl::when_all' [async-await-in-loop]
  // CHECK-NOTES: :[[@LINE-2]]:41: note: fix-it on this note only (apply with --fix-notes): 'awl::when_all' starts every iteration's call at once and fails fast, while the loop starts a call only after the previous one succeeded, and 'send_email' is not known to be free of side effects
}

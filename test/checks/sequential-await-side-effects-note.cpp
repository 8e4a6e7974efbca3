// RUN: %check_async %s async-sequential-await %t
// Calls not known to be side-effect free: when_all would start the second
// send_email() even if the first failed. The fix-it is on a note, so --fix leaves the
// file alone.
#include "fetch_api.hpp"

awl::Promise<void> welcome(int id, std::string address) {
  co_await send_email(address);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: 2 independent co_await expressions run one after another; start them together with 'awl::when_all' [async-sequential-await]
  // CHECK-NOTES: :[[@LINE-2]]:3: note: fix-it on this note only (apply with --fix-notes): 'awl::when_all' starts every call at once and fails fast, while the sequential awaits start a call only after the previous one succeeded, and 'send_email' is not known to be free of side effects
  // CHECK-NOTES: :[[@LINE-3]]:3: note: independent co_await 1 of 2
  co_await send_email(address + ".copy");
  // CHECK-NOTES: :[[@LINE-1]]:3: note: independent co_await 2 of 2
}

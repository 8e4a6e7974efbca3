// RUN: %check_async --fix-notes %s async-sequential-await %t
// The fix goes on a note when a call may have side effects, or may throw
// before it returns its task (the exception would escape its try block).
#include "fetch_api.hpp"
#include <stdexcept>

awl::Promise<int> fetch_checked(int id) {
  if (id < 0)
    throw std::invalid_argument("negative id"); // thrown by the call itself
  return fetch_count(id);
}

awl::Promise<int> notify_all(int id) {
  try {
    co_await send_email("ops@example.com");
    // CHECK-NOTES: :[[@LINE-1]]:5: warning: 2 independent co_await expressions in separate try blocks run one after another; start them together with 'awl::when_all_settled' [async-sequential-await]
    // CHECK-NOTES: :[[@LINE-2]]:5: note: fix-it on this note only (apply with --fix-notes): 'awl::when_all_settled' starts every call at once, while the sequential awaits start a call only after the previous one finished, and 'send_email' is not known to be free of side effects
    // CHECK-NOTES: :[[@LINE-3]]:5: note: independent co_await 1 of 2
  } catch (...) {
  }
  try {
    co_await send_email("dev@example.com");
    // CHECK-NOTES: :[[@LINE-1]]:5: note: independent co_await 2 of 2
  } catch (...) {
  }
  // CHECK-FIXES: {{^}}  auto [send_email_settled, send_email_settled2] = co_await awl::when_all_settled(send_email("ops@example.com"), send_email("dev@example.com"));{{$}}
  co_return id;
}

awl::Promise<int> counts(int id) {
  int a = 0, b = 0;
  try {
    a = co_await fetch_checked(id);
    // CHECK-NOTES: :[[@LINE-1]]:9: warning: 2 independent co_await expressions in separate try blocks run one after another; start them together with 'awl::when_all_settled' [async-sequential-await]
    // CHECK-NOTES: :[[@LINE-2]]:9: note: fix-it on this note only (apply with --fix-notes): 'awl::when_all_settled' starts every call at once, while the sequential awaits start a call only after the previous one finished, and 'fetch_checked' may throw before it returns its task, which would no longer be caught by its try block
    // CHECK-NOTES: :[[@LINE-3]]:9: note: independent co_await 1 of 2
  } catch (const std::invalid_argument &) {
    a = -1;
  }
  try {
    b = co_await fetch_orders(id);
    // CHECK-NOTES: :[[@LINE-1]]:9: note: independent co_await 2 of 2
  } catch (...) {
    b = -1;
  }
  // CHECK-FIXES: {{^}}  auto [a_settled, b_settled] = co_await awl::when_all_settled(fetch_checked(id), fetch_orders(id));{{$}}
  co_return a + b;
}

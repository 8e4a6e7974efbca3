// RUN: %check_async --fix-notes %s async-sequential-await %t
// Code between two grouped awaits that may throw: the fix moves it before
// (or after) all the calls, so when it throws, a different set of the calls
// has run than before. The fix is offered on a note that says so. A throw
// the analysis sees counts: in the code, in a lambda it calls, in a function
// it calls; one in a noexcept function (it terminates) does not.
#include <awl/promise.hpp>
#include <awl/when_all.hpp>
#include <stdexcept>
#include <string>

awl::Promise<int> fetch_points(int user);
awl::Promise<int> fetch_rank(int user);

std::string checked_label(int user) {
  if (user < 0)
    throw std::invalid_argument("negative user");
  return "user " + std::to_string(user);
}
std::string label_or_abort(int user) noexcept {
  if (user < 0)
    throw std::invalid_argument("negative user");
  return "user " + std::to_string(user);
}

awl::Promise<std::string> throwing_lambda(int user) {
  int points = co_await fetch_points(user);
  auto label = [user]() -> std::string {
    if (user < 0)
      throw std::invalid_argument("negative user");
    return "user " + std::to_string(user);
  }();
  int rank = co_await fetch_rank(user);
  co_return label + std::to_string(points + rank);
}
// CHECK-NOTES: :[[@LINE-9]]:16: warning: 2 independent co_await expressions run one after another; start them together with 'awl::when_all' [async-sequential-await]
// CHECK-NOTES: :[[@LINE-10]]:16: note: fix-it on this note only (apply with --fix-notes): 'awl::when_all' starts every call at once and fails fast, while the sequential awaits start a call only after the previous one succeeded, and the code between them at line 28 may throw, and which of the calls have run when it does changes
// CHECK-NOTES: :[[@LINE-11]]:16: note: independent co_await 1 of 2
// CHECK-NOTES: :[[@LINE-6]]:14: note: independent co_await 2 of 2
// CHECK-FIXES: {{^}}  auto label = [user]() -> std::string {{{$}}
// CHECK-FIXES: {{^}}  auto [points, rank] = co_await awl::when_all(fetch_points(user), fetch_rank(user));{{$}}

awl::Promise<std::string> throwing_callee(int user) {
  int points = co_await fetch_points(user);
  std::string label = checked_label(user);
  int rank = co_await fetch_rank(user);
  co_return label + std::to_string(points + rank);
}
// CHECK-NOTES: :[[@LINE-5]]:16: warning: 2 independent co_await expressions
// CHECK-NOTES: :[[@LINE-6]]:16: note: fix-it on this note only (apply with --fix-notes): {{.*}}, and the code between them at line [[@LINE-5]] may throw, and which of the calls have run when it does changes
// CHECK-NOTES: :[[@LINE-7]]:16: note: independent co_await 1 of 2
// CHECK-NOTES: :[[@LINE-6]]:14: note: independent co_await 2 of 2
// CHECK-FIXES: {{^}}  std::string label = checked_label(user);{{$}}
// CHECK-FIXES-NEXT: {{^}}  auto [points, rank] = co_await awl::when_all(fetch_points(user), fetch_rank(user));{{$}}

awl::Promise<std::string> noexcept_callee(int user) {
  int points = co_await fetch_points(user);
  std::string label = label_or_abort(user);
  int rank = co_await fetch_rank(user);
  co_return label + std::to_string(points + rank);
}
// CHECK-NOTES: :[[@LINE-5]]:16: warning: 2 independent co_await expressions
// CHECK-NOTES: :[[@LINE-6]]:16: note: independent co_await 1 of 2
// CHECK-NOTES: :[[@LINE-5]]:14: note: independent co_await 2 of 2
// CHECK-FIXES: {{^}}  std::string label = label_or_abort(user);{{$}}
// CHECK-FIXES-NEXT: {{^}}  auto [points, rank] = co_await awl::when_all(fetch_points(user), fetch_rank(user));{{$}}

// REQUIRES: qcoro
// RUN: %check_async %s async-sequential-await %t -- %qcoro_flags
// Awaits in separate try blocks of an eager task type with no settled
// combinator (QCoro::Task): the fix starts every task before the first try
// block and awaits each in its own, so each handler still catches exactly
// its own await's exception. Compiled against Debian's real QCoro and Qt 6
// headers.
#include <QCoroTask>
#include <QString>

QCoro::Task<int> fetch_count(int id);
QCoro::Task<QString> fetch_name(int id);

QCoro::Task<int> load(int id) {
  int count = 0, more = 0;
  QString name;
  try {
    count = co_await fetch_count(id);
    // CHECK-NOTES: :[[@LINE-1]]:13: warning: 3 independent co_await expressions in separate try blocks run one after another; start them together by starting each before awaiting the first [async-sequential-await]
    // CHECK-NOTES: :[[@LINE-2]]:13: note: independent co_await 1 of 3
  } catch (...) {
    count = -1;
  }
  try {
    name = co_await fetch_name(id);
    // CHECK-NOTES: :[[@LINE-1]]:12: note: independent co_await 2 of 3
  } catch (...) {
    name = QString();
  }
  try {
    more = co_await fetch_count(id + 1);
    // CHECK-NOTES: :[[@LINE-1]]:12: note: independent co_await 3 of 3
  } catch (...) {
    throw;
  }
  // CHECK-FIXES: {{^}}  QString name;{{$}}
  // CHECK-FIXES-NEXT: {{^}}  auto count_task = fetch_count(id);{{$}}
  // CHECK-FIXES-NEXT: {{^}}  auto name_task = fetch_name(id);{{$}}
  // CHECK-FIXES-NEXT: {{^}}  auto more_task = fetch_count(id + 1);{{$}}
  // CHECK-FIXES-NEXT: {{^}}  try {{{$}}
  // CHECK-FIXES-NEXT: {{^}}    count = co_await std::move(count_task);{{$}}
  // CHECK-FIXES: {{^}}    name = co_await std::move(name_task);{{$}}
  // CHECK-FIXES: {{^}}    more = co_await std::move(more_task);{{$}}
  co_return count + more + static_cast<int>(name.size());
}

// Only the last try block may leave: here the first handler rethrows, and
// the second call would not have started after that failure.
QCoro::Task<int> load_or_give_up(int id) {
  int count = 0;
  QString name;
  try {
    count = co_await fetch_count(id);
  } catch (...) {
    throw;
  }
  try {
    name = co_await fetch_name(id);
  } catch (...) {
    name = QString();
  }
  co_return count + static_cast<int>(name.size());
}

// Try blocks that come from a macro (a project's handler macros): reported,
// but the tasks cannot be started before a macro's try.
#define GUARDED try
#define REPORTED catch (...) { count = -1; }
QCoro::Task<int> load_in_macros(int id) {
  int count = 0;
  QString name;
  GUARDED {
    count = co_await fetch_count(id);
    // CHECK-NOTES: :[[@LINE-1]]:13: warning: 2 independent co_await expressions in separate try blocks run one after another; start them together by starting each before awaiting the first [async-sequential-await]
    // CHECK-NOTES: :[[@LINE-2]]:13: note: no fix-it: the statements come from a macro expansion
    // CHECK-NOTES: :[[@LINE-3]]:13: note: independent co_await 1 of 2
  } REPORTED
  GUARDED {
    name = co_await fetch_name(id);
    // CHECK-NOTES: :[[@LINE-1]]:12: note: independent co_await 2 of 2
  } REPORTED
  co_return count + static_cast<int>(name.size());
}

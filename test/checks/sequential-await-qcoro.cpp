// REQUIRES: qcoro
// RUN: %check_async --fix-notes %s async-sequential-await %t -- %qcoro_flags
// QCoro::Task is eager (its promise's initial_suspend is suspend_never, found
// in a base class) and QCoro has no when_all: the fix starts every task, then
// awaits each where it was awaited before. On a note: if one await throws,
// the tasks started after it run on unobserved. Compiled against Debian's
// real QCoro and Qt 6 headers.
#include <QCoroTask>
#include <QString>

QCoro::Task<int> fetch_count(int id);
QCoro::Task<QString> fetch_name(int id);

QCoro::Task<int> load(int id) {
  auto count = co_await fetch_count(id);
  // CHECK-NOTES: :[[@LINE-1]]:16: warning: 3 independent co_await expressions run one after another; start them together by starting each before awaiting the first [async-sequential-await]
  // CHECK-NOTES: :[[@LINE-2]]:16: note: fix-it on this note only (apply with --fix-notes): the fix starts every task before awaiting the first, while the sequential awaits start a call only after the previous one succeeded, and the task type 'QCoro::Task' has no when_all, so if one co_await throws, the tasks started after it run on unobserved
  // CHECK-NOTES: :[[@LINE-3]]:16: note: independent co_await 1 of 3
  QString name;
  name = co_await fetch_name(id);
  // CHECK-NOTES: :[[@LINE-1]]:10: note: independent co_await 2 of 3
  auto more = co_await fetch_count(id + 1);
  // CHECK-NOTES: :[[@LINE-1]]:15: note: independent co_await 3 of 3
  // CHECK-FIXES: {{^}}  auto count_task = fetch_count(id);{{$}}
  // CHECK-FIXES-NEXT: {{^}}  auto name_task = fetch_name(id);{{$}}
  // CHECK-FIXES-NEXT: {{^}}  auto more_task = fetch_count(id + 1);{{$}}
  // CHECK-FIXES-NEXT: {{^}}  auto count = co_await std::move(count_task);{{$}}
  // CHECK-FIXES: {{^}}  QString name;{{$}}
  // CHECK-FIXES-NEXT: {{^}}  name = co_await std::move(name_task);{{$}}
  // CHECK-FIXES: {{^}}  auto more = co_await std::move(more_task);{{$}}
  co_return count + more + static_cast<int>(name.size());
}

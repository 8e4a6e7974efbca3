// REQUIRES: qcoro
// RUN: %check_async %s async-sequential-await %t -- %qcoro_flags
// Negative: QCoro tasks are eager; started first and awaited after, they
// already run concurrently. Awaiting a result right where it is needed
// leaves nothing to move either.
#include <QCoroTask>
#include <QString>

QCoro::Task<int> fetch_count(int id);
QCoro::Task<QString> fetch_name(int id);

QCoro::Task<int> load(int id) {
  auto count = fetch_count(id);
  auto name = fetch_name(id);
  const int c = co_await count;
  const QString n = co_await name;
  co_return c + static_cast<int>(n.size());
}

QCoro::Task<int> chained(int id) {
  const int c = co_await fetch_count(id);
  const QString n = co_await fetch_name(c);
  co_return static_cast<int>(n.size());
}

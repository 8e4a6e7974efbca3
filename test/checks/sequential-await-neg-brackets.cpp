// RUN: %check_async --fix-notes %s async-sequential-await,async-await-late %t
// Negative: sections that order the awaits inside them - a guard held in a
// variable, a lock ... unlock, begin ... commit, a session opened and
// closed - and an awaited object kept alive (and unused) to the end of the
// block.
#include <awl/promise.hpp>
#include <mutex>

struct Guard {
  ~Guard();
};
struct AsyncMutex {
  awl::Promise<void> lock();
  void unlock();
};
struct Transaction {
  awl::Promise<void> begin();
  awl::Promise<int> read(int key);
  awl::Promise<void> commit();
};
struct Lease {
  ~Lease();
};
awl::Promise<Guard> acquire_lock(AsyncMutex &m);
awl::Promise<void> lock_mutex(AsyncMutex &m);
awl::Promise<Lease> take_lease(int shard);
awl::Promise<int> fetch(int id);
awl::Promise<int> fetch_other(int id);

awl::Promise<int> with_guard(AsyncMutex &m, int id) {
  auto guard = co_await acquire_lock(m);
  auto v = co_await fetch(id);
  auto w = co_await fetch_other(id);
  co_return v + w;
}

awl::Promise<int> lock_unlock(AsyncMutex &m, int id) {
  co_await lock_mutex(m);
  auto v = co_await fetch(id);
  auto w = co_await fetch_other(id);
  m.unlock();
  co_return v + w;
}

awl::Promise<int> in_transaction(Transaction &tx, int id) {
  co_await tx.begin();
  auto v = co_await fetch(id);
  auto w = co_await fetch_other(id);
  co_await tx.commit();
  co_return v + w;
}

awl::Promise<int> under_std_lock(std::mutex &m, int id) {
  std::lock_guard<std::mutex> hold(m);
  auto v = co_await fetch(id);
  auto w = co_await fetch_other(id);
  co_return v + w;
}

awl::Promise<int> with_lease(int id) {
  auto lease = co_await take_lease(id % 8);
  auto v = co_await fetch(id);
  auto w = co_await fetch_other(id);
  co_return v + w;
}

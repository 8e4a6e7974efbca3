// RUN: %check_async %s async-sequential-await %t
// Negative: taking a lock is synchronisation: it is not grouped with the
// work it protects.
#include "fetch_api.hpp"

awl::Promise<int> locked(Mutex &m, int id) {
  co_await m.lock();
  auto a = co_await fetch_count(id);
  m.unlock();
  co_return a;
}

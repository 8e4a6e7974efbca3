// A third file of sequential-await-summaries.cpp: a static of its own, not
// session.cpp's.
#include "session.hpp"

static int entries = 3;

awl::Promise<int> ledger_size() {
  co_return co_await awl::Promise<int>::resolve(entries);
}

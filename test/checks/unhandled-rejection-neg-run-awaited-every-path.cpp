// RUN: %check_async %s async-unhandled-rejection %t
// ORACLE: observed
// Every path awaits the promise before it leaves: the early return awaits
// it too, the loop awaits before continuing, the switch awaits in each case.
#include "oracle_api.hpp"

awl::Promise<int> load(int id, bool cached) {
  auto user = backend::fetch(id);
  if (cached) {
    co_await user;
    co_return 0;
  }
  co_return co_await user;
}

awl::Promise<int> each(int n) {
  int total = 0;
  for (int i = 0; i < n; ++i) {
    auto item = backend::fetch(i);
    if (i % 2 == 1) {
      total -= co_await item;
      continue;
    }
    total += co_await item;
  }
  co_return total;
}

awl::Promise<int> by_kind(int kind) {
  auto value = backend::fetch(kind);
  switch (kind) {
  case 0:
    co_return co_await value;
  default:
    break;
  }
  co_return 1 + co_await value;
}

awl::Promise<void> all() {
  try {
    co_await load(1, true);
  } catch (const std::exception &) {
  }
  try {
    co_await each(3);
  } catch (const std::exception &) {
  }
  co_await by_kind(1);
}

int main() { return oracle::run(all); }

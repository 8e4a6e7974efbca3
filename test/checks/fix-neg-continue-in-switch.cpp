// RUN: %check_async --config="{CheckOptions: {PerItemChains: false}}" %s async-sequential-await,async-await-in-loop,async-await-late %t
// Negative: a `continue` inside a switch continues the enclosing loop (the
// switch owns only `break`). Such code leaves the iteration: an await after
// it may not run, so nothing is grouped, started early or moved across it.
// (It was taken for the switch's own jump: async-await-late moved the await
// of fetch_kind past it, leaving the task unobserved on the skipped
// iterations, and the loop check dropped the switch from the loop it runs
// again, so the results no longer lined up with the iterations.)
// PerItemChains is off: with it, the first loop is reported without a
// fix-it, its two awaits per item being independent of other items'.
#include <awl/awl.hpp>
#include <map>
#include <vector>

awl::Promise<int> fetch_kind(int id);
awl::Promise<int> fetch_detail(int id);

awl::Promise<int> total(std::vector<int> ids) {
  int sum = 0;
  for (int id : ids) {
    int kind = co_await fetch_kind(id);
    switch (id % 3) {
    case 0:
      continue;
    default:
      break;
    }
    int detail = co_await fetch_detail(id);
    sum += kind + detail;
  }
  co_return sum;
}

awl::Promise<std::map<int, int>> details(std::vector<int> ids) {
  std::map<int, int> out;
  for (int id : ids) {
    switch (id % 3) {
    case 0:
      continue;
    default:
      break;
    }
    out[id] = co_await fetch_detail(id);
  }
  co_return out;
}

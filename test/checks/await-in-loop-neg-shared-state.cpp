// RUN: %check_async %s async-await-in-loop %t
// Negative: the body writes shared state (a global, a member, a reference
// parameter) and the awaited call has unknown effects: it may observe those
// writes in order. (A log call in the body is fine: see
// await-in-loop-log-in-body.cpp.)
#include <awl/promise.hpp>
#include <vector>

struct Context {
  int current = 0;
};
extern Context context;
extern int global_counter;
awl::Promise<void> handle_current();
awl::Promise<int> fetch_count(int id);
int cache[4];
// Every call writes the global cache: the order of the writes could show.
awl::Promise<void> warm(int shard) {
  co_await fetch_count(shard);
  cache[shard] = shard;
}

awl::Promise<void> run(const std::vector<int>& ids, std::vector<int>& results) {
  for (int id : ids) {
    context.current = id;
    co_await handle_current();
  }
  for (int id : ids) {
    co_await fetch_count(id);
    ++global_counter;
  }
  for (int id : ids) results.push_back(co_await fetch_count(id));
  for (int shard = 0; shard < 4; ++shard) co_await warm(shard);
}

// RUN: %check_async %s async-await-in-loop %t
// A loop written with a macro is reported, but not rewritten.
#include <awl/promise.hpp>
#include <vector>

awl::Promise<void> load_cache(int shard);

#define FOR_EACH_SHARD(shards, s) for (int s : shards)

awl::Promise<void> warm_up(const std::vector<int>& shards) {
  FOR_EACH_SHARD(shards, s) co_await load_cache(s);
  // CHECK-NOTES: :[[@LINE-1]]:29: warning: co_await in a loop runs the iterations one after another; start them together and await once with 'awl::when_all' [async-await-in-loop]
  // CHECK-NOTES: :[[@LINE-2]]:29: note: no fix-it: the loop comes from a macro expansion
}

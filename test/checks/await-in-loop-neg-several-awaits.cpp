// RUN: %check_async %s async-await-in-loop %t
// Negative: a body with several awaits orders them on purpose (a request,
// then its acknowledgement). (An await under a branch of the body, a
// filter, is reported: await-in-loop-value-types.cpp.)
#include <awl/promise.hpp>
#include <vector>

awl::Promise<void> load_cache(int id);
awl::Promise<void> load_index(int id);

awl::Promise<void> steps(const std::vector<int>& ids) {
  for (int id : ids) {
    co_await load_cache(id);
    co_await load_index(id);
  }
}

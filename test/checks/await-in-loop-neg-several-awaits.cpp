// RUN: %check_async %s async-await-in-loop %t
// Negative: a body with several awaits orders them on purpose (a request,
// then its acknowledgement), and an await in a branch of the body may not
// happen at all.
#include <awl/promise.hpp>
#include <vector>

awl::Promise<void> load_cache(int id);
awl::Promise<void> load_index(int id);

awl::Promise<void> steps(const std::vector<int>& ids) {
  for (int id : ids) {
    co_await load_cache(id);
    co_await load_index(id);
  }
  for (int id : ids) {
    if (id > 10) co_await load_cache(id);
  }
  for (int id : ids) {
    switch (id) {
      case 1:
        co_await load_cache(id);
        break;
      default:
        break;
    }
  }
}

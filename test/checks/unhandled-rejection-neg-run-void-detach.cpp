// RUN: %check_async %s async-unhandled-rejection %t
// ORACLE: unobserved-accepted
// `(void)` documents an intentional fire-and-forget (AllowCastToVoid, on by
// default): the check accepts it, although awl still reports the rejection
// when the detached work fails, which is what the runtime is for.
#include "oracle_api.hpp"

awl::Promise<int> handle(int id) {
  (void)backend::store(id); // audit log, best effort
  co_return co_await backend::fetch(id).catch_([](std::exception_ptr) { return 0; });
}

int main() {
  return oracle::run([] { return handle(1); });
}

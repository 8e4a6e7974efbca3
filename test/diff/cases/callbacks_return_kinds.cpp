// then callbacks returning a value, nothing, a resolved promise, a rejected
// promise and a pending promise, side by side against a ticker.
#include "case_registry.hpp"

namespace callbacks_return_kinds {
using namespace awl_diff;
using P = awl::Promise<int>;

AWL_DIFF_CASE(callbacks_return_kinds) {
  awl::EventLoop loop{awl::virtual_time};
  Deferred<int> pending;
  ticker(8);
  const auto root = P::resolve(0);
  (void)root.then([] { return 1; }).then([](int v) { log("value ->", v); });
  (void)root.then([] {}).then([] { log("nothing ->", true); });
  (void)root.then([] { return P::resolve(3); }).then([](int v) { log("resolved promise ->", v); });
  root.then([] { return P::reject(std::runtime_error("4")); }).catch_([](const std::exception_ptr& e) {
    log("rejected promise ->", message(e));
    return 0;
  });
  (void)root.then([pending] { return pending.promise(); }).then([](int v) { log("pending promise ->", v); });
  (void)root.then([] {}).then([] {}).then([pending] {
    log("releasing");
    pending.resolve(5);
  });
  loop.run();
  return 0;
}
}  // namespace callbacks_return_kinds

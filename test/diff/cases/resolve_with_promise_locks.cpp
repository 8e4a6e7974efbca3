// After resolve(p) with a pending p, the promise is locked in: a later
// reject or resolve is ignored even before p settles.
#include "case_registry.hpp"

namespace resolve_with_promise_locks {
using namespace awl_diff;

AWL_DIFF_CASE(resolve_with_promise_locks) {
  awl::EventLoop loop{awl::virtual_time};
  Deferred<std::string> inner;
  awl::Promise<std::string>([&](awl::Resolver<std::string> resolve, awl::Rejecter<std::string> reject) {
    resolve(inner.promise());
    reject(std::runtime_error("ignored: already resolved"));
    resolve("ignored as well");
  })
      .then([](const std::string& v) { log("outer fulfilled with", v); },
            [](const std::exception_ptr& e) { log("not called", message(e)); });
  awl::set_timeout([inner] { inner.resolve("from inner"); }, 10);
  loop.run();
  return 0;
}
}  // namespace resolve_with_promise_locks

// resolve(p) with a pending p: the outer promise settles 1 tick after p
// (p's reaction), plus the then-job reading it.
#include "case_registry.hpp"

namespace ticks_resolve_with_pending {
using namespace awl_diff;

AWL_DIFF_CASE(ticks_resolve_with_pending) {
  awl::EventLoop loop{awl::virtual_time};
  Deferred<std::string> inner;
  awl::Promise<std::string> outer(
      [&](awl::Resolver<std::string> resolve, awl::Rejecter<std::string>) { resolve(inner.promise()); });
  (void)outer.then([](const std::string& v) { log("outer", v); });
  (void)inner.promise().then([](const std::string& v) { log("inner", v); });
  ticker(7);
  (void)awl::Promise<void>::resolve().then([] {}).then([] {}).then([inner] {
    log("resolving inner");
    inner.resolve("x");
  });
  loop.run();
  return 0;
}
}  // namespace ticks_resolve_with_pending

// Promise.resolve(p) returns p itself: no extra ticks, unlike new Promise(r => r(p)).
#include "case_registry.hpp"

namespace ticks_promise_resolve_same {
using namespace awl_diff;

AWL_DIFF_CASE(ticks_promise_resolve_same) {
  awl::EventLoop loop{awl::virtual_time};
  const auto p = awl::Promise<std::string>::resolve("v");
  const auto same = awl::Promise<std::string>::resolve(p);
  log("same object", same.id() == p.id());
  awl::Promise<std::string> wrapped(
      [&](awl::Resolver<std::string> resolve, awl::Rejecter<std::string>) { resolve(p); });
  log("wrapped is same", wrapped.id() == p.id());
  ticker(4);
  (void)same.then([](const std::string& v) { log("same then", v); });
  (void)wrapped.then([](const std::string& v) { log("wrapped then", v); });
  loop.run();
  return 0;
}
}  // namespace ticks_promise_resolve_same

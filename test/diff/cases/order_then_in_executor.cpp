// then registered inside an executor on another promise, and the executor's
// resolve called from a reaction.
#include "case_registry.hpp"

namespace order_then_in_executor {
using namespace awl_diff;
using P = awl::Promise<std::string>;

AWL_DIFF_CASE(order_then_in_executor) {
  awl::EventLoop loop{awl::virtual_time};
  const auto ready = P::resolve("ready");
  const P p([&](awl::Resolver<std::string> resolve, awl::Rejecter<std::string>) {
    log("executor");
    (void)ready.then([resolve](const std::string& v) {
      log("reaction in executor", v);
      resolve(v + "!");
    });
  });
  (void)p.then([](const std::string& v) { log("p", v); });
  (void)awl::Promise<void>::resolve().then([] { log("sibling 1"); }).then([] { log("sibling 2"); }).then([] {
    log("sibling 3");
  });
  loop.run();
  return 0;
}
}  // namespace order_then_in_executor

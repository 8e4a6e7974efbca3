// then on a settled promise queues at once; on a pending one when it settles,
// in registration order.
#include "case_registry.hpp"

#include <optional>

namespace order_then_settled_vs_pending {
using namespace awl_diff;

AWL_DIFF_CASE(order_then_settled_vs_pending) {
  awl::EventLoop loop{awl::virtual_time};
  std::optional<awl::Resolver<std::string>> resolve_later;
  awl::Promise<std::string> pending([&](awl::Resolver<std::string> resolve, awl::Rejecter<std::string>) {
    resolve_later.emplace(std::move(resolve));
  });
  const auto settled = awl::Promise<std::string>::resolve("s");
  (void)pending.then([](const std::string& v) { log("pending a", v); });
  (void)settled.then([](const std::string& v) { log("settled a", v); });
  (void)pending.then([](const std::string& v) { log("pending b", v); });
  (void)awl::Promise<void>::resolve().then([&] {
    log("resolving");
    (*resolve_later)("p");
    (void)settled.then([](const std::string& v) { log("settled b", v); });
    (void)pending.then([](const std::string& v) { log("pending c", v); });
  });
  loop.run();
  return 0;
}
}  // namespace order_then_settled_vs_pending

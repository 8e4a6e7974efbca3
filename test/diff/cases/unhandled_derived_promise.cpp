// p.then(f) handles p but the derived promise inherits the rejection and is
// itself unhandled: exactly one report, for the derived promise.
#include "case_registry.hpp"

namespace unhandled_derived_promise {
using namespace awl_diff;

AWL_DIFF_CASE(unhandled_derived_promise) {
  awl::EventLoop loop{awl::virtual_time};
  const auto p = awl::Promise<void>::reject(std::runtime_error("source"));
  const auto derived = p.then([] { log("not called"); });
  loop.on_unhandled_rejection([&](const awl::RejectionEvent& e) {
    log("unhandledRejection", message(e.reason),
        e.promise_id == p.id()         ? "source"
        : e.promise_id == derived.id() ? "derived"
                                       : "other");
  });
  loop.run();
  return 0;
}
}  // namespace unhandled_derived_promise

// Rejected inputs of allSettled are handled: no unhandled rejection, exit 0.
#include "case_registry.hpp"

namespace allsettled_inputs_handled {
using namespace awl_diff;

const char* status(const awl::Settled<void>& r) { return r.fulfilled() ? "fulfilled" : "rejected"; }

AWL_DIFF_CASE(allsettled_inputs_handled) {
  awl::EventLoop loop{awl::virtual_time};
  const auto a = awl::Promise<void>::reject(std::runtime_error("a"));
  const awl::Promise<void> b([](awl::Resolver<void>, awl::Rejecter<void> reject) {
    awl::set_timeout([reject] { reject(std::runtime_error("b")); }, 10);
  });
  (void)awl::when_all_settled(a, b).then([](const std::tuple<awl::Settled<void>, awl::Settled<void>>& r) {
    log("settled", 2, status(std::get<0>(r)), status(std::get<1>(r)));
  });
  awl::set_timeout([] { log("still alive"); }, 30);
  loop.run();
  return 0;
}
}  // namespace allsettled_inputs_handled

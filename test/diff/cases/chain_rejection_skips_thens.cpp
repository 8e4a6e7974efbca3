// A rejection skips then links without a rejection handler, one tick each.
#include "case_registry.hpp"

namespace chain_rejection_skips_thens {
using namespace awl_diff;

AWL_DIFF_CASE(chain_rejection_skips_thens) {
  awl::EventLoop loop{awl::virtual_time};
  ticker(6);
  (void)awl::Promise<void>::reject(std::runtime_error("skip me"))
      .then([] { log("skipped 1"); })
      .then([] { log("skipped 2"); })
      .then([] { log("skipped 3"); })
      .catch_([](const std::exception_ptr& e) { log("caught", message(e)); })
      .then([] { log("after catch"); });
  loop.run();
  return 0;
}
}  // namespace chain_rejection_skips_thens

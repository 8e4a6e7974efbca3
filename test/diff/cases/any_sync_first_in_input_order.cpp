// With several inputs already fulfilled, the first in input order wins.
#include "case_registry.hpp"

namespace any_sync_first_in_input_order {
using namespace awl_diff;
using P = awl::Promise<std::string>;

AWL_DIFF_CASE(any_sync_first_in_input_order) {
  awl::EventLoop loop{awl::virtual_time};
  (void)awl::when_any(P::reject(std::runtime_error("r")), P::resolve("b"), P::resolve("c"))
      .then([](const std::string& v) { log("any", v); });
  (void)awl::race(P::resolve("x"), P::reject(std::runtime_error("y"))).then([](const std::string& v) {
    log("race", v);
  });
  awl::race(P::reject(std::runtime_error("first is a rejection")), P::resolve("z"))
      .catch_([](const std::exception_ptr& e) {
        log("race rejected", message(e));
        return std::string();
      });
  loop.run();
  return 0;
}
}  // namespace any_sync_first_in_input_order

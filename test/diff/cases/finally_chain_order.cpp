// Several finally links in one chain, around a catch.
#include "case_registry.hpp"

namespace finally_chain_order {
using namespace awl_diff;

AWL_DIFF_CASE(finally_chain_order) {
  awl::EventLoop loop{awl::virtual_time};
  (void)awl::Promise<int>::resolve(1)
      .finally([] { log("finally 1"); })
      .then([](int v) -> int {
        log("then", v);
        throw std::runtime_error("broke");
      })
      .finally([] { log("finally 2"); })
      .catch_([](const std::exception_ptr& e) {
        log("catch", message(e));
        return 3;
      })
      .finally([] { log("finally 3"); })
      .then([](int v) { log("end", v); });
  loop.run();
  return 0;
}
}  // namespace finally_chain_order

// One promise with several then branches: branches interleave tick by tick.
#include "case_registry.hpp"

namespace chain_branching {
using namespace awl_diff;

AWL_DIFF_CASE(chain_branching) {
  awl::EventLoop loop{awl::virtual_time};
  const auto root = awl::Promise<std::string>::resolve("root");
  (void)root.then([](const std::string& v) { log("A1", v); }).then([] { log("A2"); }).then([] { log("A3"); });
  (void)root.then([](const std::string& v) { log("B1", v); }).then([] { log("B2"); });
  (void)root
      .then([](const std::string& v) {
        log("C1", v);
        throw std::runtime_error("c");
      })
      .catch_([](const std::exception_ptr& e) { log("C2 caught", message(e)); })
      .then([] { log("C3"); });
  loop.run();
  return 0;
}
}  // namespace chain_branching

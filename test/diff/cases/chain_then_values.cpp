// Values flow through a then chain; each callback transforms them.
#include "case_registry.hpp"

namespace chain_then_values {
using namespace awl_diff;

AWL_DIFF_CASE(chain_then_values) {
  awl::EventLoop loop{awl::virtual_time};
  (void)awl::Promise<int>::resolve(1)
      .then([](int v) {
        log("got", v);
        return v * 10;
      })
      .then([](int v) {
        log("got", v);
        return "n=" + std::to_string(v);
      })
      .then([](const std::string& v) {
        log("got", v);
        return static_cast<int>(v.size());
      })
      .then([](int v) { log("got", v); })
      .then([] { log("last has no value", true); });
  loop.run();
  return 0;
}
}  // namespace chain_then_values

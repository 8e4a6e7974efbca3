// Promise.all over promises without values.
#include "case_registry.hpp"

namespace all_void_inputs {
using namespace awl_diff;

awl::Promise<void> step(double ms, std::string name) {
  co_await awl::sleep(ms);
  log(name);
}

AWL_DIFF_CASE(all_void_inputs) {
  awl::EventLoop loop{awl::virtual_time};
  (void)awl::when_all(std::vector{step(100, "two"), step(50, "one"), step(150, "three")})
      .then([](const std::vector<std::monostate>& v) { log("all done", v.size()); });
  loop.run();
  return 0;
}
}  // namespace all_void_inputs

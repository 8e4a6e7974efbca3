// Inputs of Promise.any that reject after it fulfilled are still handled.
#include "case_registry.hpp"

namespace any_inputs_handled {
using namespace awl_diff;

AWL_DIFF_CASE(any_inputs_handled) {
  awl::EventLoop loop{awl::virtual_time};
  const awl::Promise<std::string> late([](awl::Resolver<std::string>, awl::Rejecter<std::string> reject) {
    awl::set_timeout(
        [reject] {
          log("late reject");
          reject(std::runtime_error("late"));
        },
        20);
  });
  (void)awl::when_any(awl::Promise<std::string>::resolve("winner"), late).then([](const std::string& v) {
    log("any", v);
  });
  awl::set_timeout([] { log("end"); }, 40);
  loop.run();
  return 0;
}
}  // namespace any_inputs_handled

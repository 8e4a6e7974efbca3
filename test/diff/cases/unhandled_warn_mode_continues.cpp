// node-args: --unhandled-rejections=warn
// warn mode without hooks: a warning on stderr, the program goes on, exit 0.
#include "case_registry.hpp"

namespace unhandled_warn_mode_continues {
using namespace awl_diff;

AWL_DIFF_CASE(unhandled_warn_mode_continues) {
  awl::EventLoop loop{awl::virtual_time};
  loop.set_unhandled_rejections(awl::UnhandledRejections::warn);
  (void)awl::Promise<void>::reject(std::runtime_error("warned only"));
  awl::set_timeout(
      [] {
        log("timer 1");
        (void)awl::Promise<void>::reject(std::runtime_error("warned again"));
      },
      5);
  awl::set_timeout([] { log("timer 2"); }, 30);
  loop.run();
  return 0;
}
}  // namespace unhandled_warn_mode_continues

// finally returning a promise that rejects later replaces the value with
// that rejection once it settles.
#include "case_registry.hpp"

namespace finally_pending_then_rejects {
using namespace awl_diff;

AWL_DIFF_CASE(finally_pending_then_rejects) {
  awl::EventLoop loop{awl::virtual_time};
  awl::Promise<std::string>::resolve("value")
      .finally([] {
        return awl::Promise<void>([](awl::Resolver<void>, awl::Rejecter<void> reject) {
          awl::set_timeout(
              [reject] {
                log("cleanup fails");
                reject(std::runtime_error("cleanup failed"));
              },
              10);
        });
      })
      .then([](const std::string& v) { log("not called", v); },
            [](const std::exception_ptr& e) { log("rejected", message(e)); });
  loop.run();
  return 0;
}
}  // namespace finally_pending_then_rejects

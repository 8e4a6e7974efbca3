// Only the first call of resolve/reject counts; later calls are ignored.
#include "case_registry.hpp"

namespace resolve_twice_ignored {
using namespace awl_diff;
using P = awl::Promise<std::string>;

AWL_DIFF_CASE(resolve_twice_ignored) {
  awl::EventLoop loop{awl::virtual_time};
  P([](awl::Resolver<std::string> resolve, awl::Rejecter<std::string> reject) {
    resolve("first");
    resolve("second");
    reject(std::runtime_error("ignored"));
  })
      .then([](const std::string& v) { log("fulfilled with", v); },
            [](const std::exception_ptr& e) { log("not called", message(e)); });
  P([](awl::Resolver<std::string> resolve, awl::Rejecter<std::string> reject) {
    reject(std::runtime_error("rejected first"));
    resolve("ignored");
    reject(std::runtime_error("ignored too"));
  })
      .then([](const std::string& v) { log("not called", v); },
            [](const std::exception_ptr& e) { log("rejected with", message(e)); });
  loop.run();
  return 0;
}
}  // namespace resolve_twice_ignored

// An executor that throws rejects the promise; a throw after resolve is ignored.
#include "case_registry.hpp"

namespace executor_throws {
using namespace awl_diff;
using P = awl::Promise<std::string>;

AWL_DIFF_CASE(executor_throws) {
  awl::EventLoop loop{awl::virtual_time};
  P([](awl::Resolver<std::string>, awl::Rejecter<std::string>) {
    throw std::runtime_error("executor threw");
  }).catch_([](const std::exception_ptr& e) {
    log("caught", message(e));
    return std::string();
  });
  P([](awl::Resolver<std::string> resolve, awl::Rejecter<std::string>) {
    resolve("resolved first");
    throw std::runtime_error("ignored");
  })
      .then([](const std::string& v) { log("fulfilled", v); },
            [](const std::exception_ptr& e) { log("not called", message(e)); });
  log("constructors returned normally");
  loop.run();
  return 0;
}
}  // namespace executor_throws

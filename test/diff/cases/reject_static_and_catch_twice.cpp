// Promise.reject, and two separate handlers on the same rejected promise:
// both run, in registration order.
#include "case_registry.hpp"

namespace reject_static_and_catch_twice {
using namespace awl_diff;

AWL_DIFF_CASE(reject_static_and_catch_twice) {
  awl::EventLoop loop{awl::virtual_time};
  const auto p = awl::Promise<void>::reject(std::runtime_error("shared"));
  p.catch_([](const std::exception_ptr& e) { log("handler 1", message(e)); });
  p.then([] {}, [](const std::exception_ptr& e) { log("handler 2", message(e)); });
  p.finally([] { log("finally sees it too"); }).catch_([] { log("and passes it on"); });
  loop.run();
  return 0;
}
}  // namespace reject_static_and_catch_twice

// finally passes a rejection through unchanged.
#include "case_registry.hpp"

namespace finally_reason_passthrough {
using namespace awl_diff;

AWL_DIFF_CASE(finally_reason_passthrough) {
  awl::EventLoop loop{awl::virtual_time};
  awl::Promise<int>::reject(std::runtime_error("kept reason"))
      .finally([] { log("finally ran"); })
      .then([](int) { log("not called"); })
      .catch_([](const std::exception_ptr& e) { log("caught", message(e)); });
  loop.run();
  return 0;
}
}  // namespace finally_reason_passthrough

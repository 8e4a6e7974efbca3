// An already-rejected input: Promise.all rejects in tick 1, its catch runs in tick 2.
#include "case_registry.hpp"

namespace all_already_rejected_input {
using namespace awl_diff;

AWL_DIFF_CASE(all_already_rejected_input) {
  awl::EventLoop loop{awl::virtual_time};
  ticker(3);
  awl::when_all(std::vector{awl::Promise<int>::resolve(1), awl::Promise<int>::reject(std::runtime_error("x")),
                            awl::Promise<int>::resolve(3)})
      .catch_([](const std::exception_ptr& e) {
        log("caught", message(e));
        return std::vector<int>{};
      });
  loop.run();
  return 0;
}
}  // namespace all_already_rejected_input

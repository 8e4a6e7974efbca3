// Every input of Promise.all is handled: a second rejection is never unhandled
// (the program exits 0 although nobody else observes it).
#include "case_registry.hpp"

namespace all_second_rejection_handled {
using namespace awl_diff;

awl::Promise<int> fail(double ms, std::string msg) {
  return awl::Promise<int>([&](awl::Resolver<int>, awl::Rejecter<int> reject) {
    awl::set_timeout(
        [reject, msg] {
          log("rejecting", msg);
          reject(std::runtime_error(msg));
        },
        ms);
  });
}

AWL_DIFF_CASE(all_second_rejection_handled) {
  awl::EventLoop loop{awl::virtual_time};
  awl::when_all(
      std::vector{fail(10, "first"), fail(40, "second"), awl::Promise<int>::reject(std::runtime_error("third"))})
      .catch_([](const std::exception_ptr& e) {
        log("caught", message(e));
        return std::vector<int>{};
      });
  awl::set_timeout([] { log("end"); }, 80);
  loop.run();
  return 0;
}
}  // namespace all_second_rejection_handled

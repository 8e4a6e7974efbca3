// Promise.all rejects at the first rejection; the other inputs keep running.
#include "case_registry.hpp"

namespace all_fail_fast {
using namespace awl_diff;

awl::Promise<std::string> work(double ms, std::string v, bool fail = false) {
  return awl::Promise<std::string>([&](awl::Resolver<std::string> resolve, awl::Rejecter<std::string> reject) {
    awl::set_timeout(
        [resolve, reject, v, fail] {
          log("finished", v);
          if (fail)
            reject(std::runtime_error("failed " + v));
          else
            resolve(v);
        },
        ms);
  });
}

AWL_DIFF_CASE(all_fail_fast) {
  awl::EventLoop loop{awl::virtual_time};
  awl::when_all(std::vector{work(150, "a"), work(50, "b", true), work(100, "c", true), work(200, "d")})
      .then([](const std::vector<std::string>&) { log("not reached"); })
      .catch_([](const std::exception_ptr& e) { log("all rejected:", message(e)); });
  loop.run();
  return 0;
}
}  // namespace all_fail_fast

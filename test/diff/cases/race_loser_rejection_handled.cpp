// A losing input of race that rejects later is handled: exit status 0.
#include "case_registry.hpp"

namespace race_loser_rejection_handled {
using namespace awl_diff;

AWL_DIFF_CASE(race_loser_rejection_handled) {
  awl::EventLoop loop{awl::virtual_time};
  const awl::Promise<std::string> loser([](awl::Resolver<std::string>, awl::Rejecter<std::string> reject) {
    awl::set_timeout(
        [reject] {
          log("loser rejects");
          reject(std::runtime_error("loser"));
        },
        100);
  });
  const awl::Promise<std::string> winner([](awl::Resolver<std::string> resolve, awl::Rejecter<std::string>) {
    awl::set_timeout([resolve] { resolve("winner"); }, 20);
  });
  (void)awl::race(winner, loser).then([](const std::string& v) { log("race", v); });
  awl::set_timeout([] { log("end"); }, 150);
  loop.run();
  return 0;
}
}  // namespace race_loser_rejection_handled

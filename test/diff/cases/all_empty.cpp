// Promise.all([]) is already fulfilled with [].
#include "case_registry.hpp"

namespace all_empty {
using namespace awl_diff;

AWL_DIFF_CASE(all_empty) {
  awl::EventLoop loop{awl::virtual_time};
  ticker(2);
  (void)awl::when_all(std::vector<awl::Promise<int>>{}).then([](const std::vector<int>& v) {
    log("all of nothing, length", v.size());
  });
  (void)awl::when_all_settled(std::vector<awl::Promise<int>>{}).then([](const std::vector<awl::Settled<int>>& v) {
    log("allSettled of nothing, length", v.size());
  });
  loop.run();
  return 0;
}
}  // namespace all_empty

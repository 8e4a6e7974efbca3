// allSettled over inputs of different types.
#include "case_registry.hpp"

namespace allsettled_tuple_types {
using namespace awl_diff;

awl::Promise<int> num() { co_return 7; }
awl::Promise<std::string> text() {
  co_await awl::Promise<void>::resolve();
  throw std::runtime_error("no text");
}

AWL_DIFF_CASE(allsettled_tuple_types) {
  awl::EventLoop loop{awl::virtual_time};
  (void)awl::when_all_settled(num(), text())
      .then([](const std::tuple<awl::Settled<int>, awl::Settled<std::string>>& r) {
        const auto& [n, t] = r;
        log(n.fulfilled() ? "fulfilled" : "rejected", *n.value);
        log(t.fulfilled() ? "fulfilled" : "rejected", message(t.reason));
      });
  loop.run();
  return 0;
}
}  // namespace allsettled_tuple_types

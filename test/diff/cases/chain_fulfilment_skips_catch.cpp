// A fulfilment skips catch links, one tick each, keeping its value.
#include "case_registry.hpp"

namespace chain_fulfilment_skips_catch {
using namespace awl_diff;

AWL_DIFF_CASE(chain_fulfilment_skips_catch) {
  awl::EventLoop loop{awl::virtual_time};
  ticker(5);
  (void)awl::Promise<int>::resolve(5)
      .catch_([] {
        log("not called");
        return -1;
      })
      .catch_([] {
        log("not called");
        return -2;
      })
      .then([](int v) { log("value", v); });
  loop.run();
  return 0;
}
}  // namespace chain_fulfilment_skips_catch

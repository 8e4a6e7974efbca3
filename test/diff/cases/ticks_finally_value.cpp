// finally passes a value through; count the ticks it costs against then.
#include "case_registry.hpp"

namespace ticks_finally_value {
using namespace awl_diff;

AWL_DIFF_CASE(ticks_finally_value) {
  awl::EventLoop loop{awl::virtual_time};
  ticker(6);
  (void)awl::Promise<int>::resolve(1).then([](int v) { return v; }).then([](int v) { log("then-then", v); });
  (void)awl::Promise<int>::resolve(2).finally([] { log("finally cb"); }).then([](int v) { log("finally-then", v); });
  loop.run();
  return 0;
}
}  // namespace ticks_finally_value

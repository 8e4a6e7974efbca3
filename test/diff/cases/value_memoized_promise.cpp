// A memoized promise handed out to several callers, each awaiting the
// returned handle directly: every caller gets the whole value.
#include "case_registry.hpp"

namespace value_memoized_promise {
using namespace awl_diff;
using P = awl::Promise<std::string>;

P cache;

P produce() {
  co_await awl::Promise<void>::resolve();
  std::string v;
  for (int i = 0; i < 8; ++i) v += "payload-";
  co_return v + "end";
}
P load() {
  if (!cache.valid()) {
    log("loading once");
    cache = produce();
  }
  return cache;  // a copy of the handle: an rvalue for co_await
}
awl::Promise<void> caller(int i) {
  const std::string v = co_await load();
  log("caller", i, v.size(), v.substr(v.size() - 3));
  const std::string again = co_await load();
  log("caller", i, "again", again.size());
}

AWL_DIFF_CASE(value_memoized_promise) {
  awl::EventLoop loop{awl::virtual_time};
  for (int i = 1; i <= 3; ++i) caller(i);
  awl::set_timeout([] { (void)caller(4); }, 5);
  loop.run();
  cache = P();  // release before the loop goes away
  return 0;
}
}  // namespace value_memoized_promise

// Two async functions awaiting the same pending promise resume in the order
// they started waiting; awaiting it again later takes one tick.
#include "case_registry.hpp"

namespace async_await_same_promise_twice {
using namespace awl_diff;

awl::Promise<void> guest(std::string name, awl::Promise<std::string> door) {
  log(name, "waits");
  const std::string v = co_await door;
  log(name, "enters", v);
  const std::string again = co_await door;
  log(name, "still", again);
}

AWL_DIFF_CASE(async_await_same_promise_twice) {
  awl::EventLoop loop{awl::virtual_time};
  Deferred<std::string> door;
  (void)guest("first", door.promise());
  (void)guest("second", door.promise());
  awl::set_timeout([door] { door.resolve("open"); }, 5);
  loop.run();
  return 0;
}
}  // namespace async_await_same_promise_twice

// A coroutine the loop resumed calls another async function: that one's
// await of a settled promise suspends it and returns to the caller, which
// goes on before the callee resumes, even with nothing else queued.
#include "case_registry.hpp"

namespace await_in_called_async_function_suspends {
using namespace awl_diff;

awl::Promise<int> inner(std::string name) {
  log(name, "inner start");
  co_await awl::Promise<int>::resolve(0);
  log(name, "inner resumed");
  co_await awl::Promise<int>::resolve(1);
  log(name, "inner resumed again");
  co_return 7;
}

awl::Promise<void> outer() {
  co_await awl::Promise<int>::resolve(0);
  log("outer", "resumed");
  awl::Promise<int> pending = inner("first");
  log("outer", "after call");
  const int v = co_await pending;
  log("outer", "got", v);
  const int w = co_await inner("second");
  log("outer", "got", w);
}

AWL_DIFF_CASE(await_in_called_async_function_suspends) {
  awl::EventLoop loop{awl::virtual_time};
  (void)outer().then([] { log("outer", "done"); });
  log("main", "end");
  loop.run();
  return 0;
}
}  // namespace await_in_called_async_function_suspends

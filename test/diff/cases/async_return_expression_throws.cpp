// An async function whose return expression throws rejects its promise, as a
// throw would, and at the same tick; the awaiting caller catches it. (C++:
// a co_return whose conversion to the promise's value type throws.)
#include "case_registry.hpp"

namespace async_return_expression_throws {
using namespace awl_diff;

// Converts to long only by throwing.
struct FailingConversion {
  operator long() const { throw std::runtime_error("conversion failed"); }  // NOLINT(google-explicit-constructor)
};

awl::Promise<long> returns_failing() { co_return FailingConversion{}; }
awl::Promise<long> returns_failing_after_await() {
  co_await awl::Promise<void>::resolve();
  co_return FailingConversion{};
}

template <class F>
awl::Promise<void> caller(std::string name, F f) {
  try {
    const long v = co_await f();
    log(name, "value", v);
  } catch (const std::exception& e) {
    log(name, "caught", e.what());
  }
}

AWL_DIFF_CASE(async_return_expression_throws) {
  awl::EventLoop loop{awl::virtual_time};
  ticker(5);
  caller("at once", returns_failing);
  caller("after an await", returns_failing_after_await);
  returns_failing().catch_([](const std::exception_ptr& e) {
    log("catch_ caught", message(e));
    return 0L;
  });
  loop.run();
  return 0;
}
}  // namespace async_return_expression_throws

// Mock of seastar/coroutine/maybe_yield.hh: co_await
// seastar::coroutine::maybe_yield() suspends only when the task quota is
// used up (never, in the mock).
#pragma once
#include <coroutine>

namespace seastar::coroutine {
namespace internal {
struct maybe_yield_awaiter final {
  bool await_ready() const noexcept { return true; }
  void await_suspend(std::coroutine_handle<>) noexcept {}
  void await_resume() noexcept {}
};
} // namespace internal
class [[nodiscard("must co_await an maybe_yield() object")]] maybe_yield {
public:
  auto operator co_await() { return internal::maybe_yield_awaiter(); }
};
} // namespace seastar::coroutine

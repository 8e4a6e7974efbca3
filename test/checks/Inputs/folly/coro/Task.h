// Mock of folly/coro/Task.h (lazy task) for the check tests.
#pragma once
#include "../../mock_task.hpp"

namespace folly {
struct Unit {};
namespace coro {
template <typename T = void>
class [[nodiscard]] Task : public mock_detail::lazy_awaitable<T> {
public:
  using promise_type = mock_detail::lazy_promise<Task, T>;
};
} // namespace coro
} // namespace folly

// Mock of cppcoro/task.hpp (lazy task) for the check tests.
#pragma once
#include "../mock_task.hpp"

namespace cppcoro {
template <typename T = void>
class [[nodiscard]] task : public mock_detail::lazy_awaitable<T> {
public:
  using promise_type = mock_detail::lazy_promise<task, T>;
};
} // namespace cppcoro

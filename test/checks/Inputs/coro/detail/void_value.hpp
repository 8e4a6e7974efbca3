// Mock of libcoro's coro/detail/void_value.hpp: what when_all_task<void>::
// return_value() gives.
#pragma once
namespace coro::detail {
struct void_value {};
} // namespace coro::detail

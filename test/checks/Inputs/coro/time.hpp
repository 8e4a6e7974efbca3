// Mock of libcoro's coro/time.hpp. The mocks' sleeps run on virtual time
// (mock_loop::now()), not on this clock.
#pragma once
#include <chrono>
namespace coro {
using clock = std::chrono::steady_clock;
using time_point = clock::time_point;
} // namespace coro

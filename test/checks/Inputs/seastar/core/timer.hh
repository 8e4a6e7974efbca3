// Mock of the clock alias from seastar/core/timer.hh.
#pragma once
#include <chrono>
namespace seastar {
using steady_clock_type = std::chrono::steady_clock;
} // namespace seastar

// Mock of seastar/core/sleep.hh: sleep(dur) -> future<> that resolves after
// dur (on the mock's virtual time; the Clock parameter is accepted and
// ignored).
#pragma once
#include "../../mock_loop.hpp"
#include "future.hh"
#include "timer.hh"
#include <chrono>
#include <memory>

namespace seastar {
template <typename Clock = steady_clock_type, typename Rep, typename Period>
future<> sleep(std::chrono::duration<Rep, Period> dur) {
  auto p = std::make_shared<promise<>>();
  auto f = p->get_future();
  mock_loop::after(std::chrono::duration_cast<mock_loop::duration>(dur), [p] { p->set_value(); });
  return f;
}
} // namespace seastar

// Mock of seastar/util/later.hh: yield() -> future<> ready on a later turn
// of the loop; maybe_yield() yields only when the task quota is used up
// (never, in the mock); now() is a ready future<>.
#pragma once
#include "../../mock_loop.hpp"
#include "../core/future.hh"
#include <memory>

namespace seastar {
inline future<> now() { return make_ready_future<>(); }
inline future<> yield() noexcept {
  auto p = std::make_shared<promise<>>();
  auto f = p->get_future();
  mock_loop::post([p] { p->set_value(); });
  return f;
}
inline future<> maybe_yield() noexcept { return make_ready_future<>(); }
} // namespace seastar

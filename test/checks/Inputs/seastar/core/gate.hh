// Mock of seastar/core/gate.hh: a gate counts background work; close()
// -> future<> resolves when all entered work has left. with_gate(g, func)
// runs func holding the gate; g.hold() gives an RAII gate::holder.
#pragma once
#include "future.hh"
#include <cstddef>
#include <exception>
#include <optional>
#include <utility>

namespace seastar {
class gate_closed_exception : public std::exception {
public:
  const char *what() const noexcept override { return "gate closed"; }
};

class gate {
  size_t _count = 0;
  std::optional<promise<>> _stopped;

public:
  gate() noexcept = default;
  gate(const gate &) = delete;
  virtual ~gate() = default;

  bool try_enter() noexcept {
    if (_stopped)
      return false;
    ++_count;
    return true;
  }
  void enter() {
    if (!try_enter())
      throw gate_closed_exception();
  }
  void leave() noexcept {
    if (--_count == 0 && _stopped)
      _stopped->set_value();
  }
  void check() const {
    if (_stopped)
      throw gate_closed_exception();
  }
  future<> close() noexcept {
    _stopped.emplace();
    auto f = _stopped->get_future();
    if (_count == 0)
      _stopped->set_value();
    return f;
  }
  size_t get_count() const noexcept { return _count; }
  bool is_closed() const noexcept { return _stopped.has_value(); }

  class holder {
    gate *_g;

  public:
    holder() noexcept : _g(nullptr) {}
    explicit holder(gate &g) : _g(&g) { g.enter(); }
    holder(const holder &x) noexcept : _g(x._g) {
      if (_g)
        ++_g->_count;
    }
    holder(holder &&x) noexcept : _g(std::exchange(x._g, nullptr)) {}
    ~holder() { release(); }
    holder &operator=(holder &&x) noexcept {
      if (this != &x) {
        release();
        _g = std::exchange(x._g, nullptr);
      }
      return *this;
    }
    void release() noexcept {
      if (_g)
        std::exchange(_g, nullptr)->leave();
    }
  };
  holder hold() { return holder(*this); }
};

template <typename Func> inline auto with_gate(gate &g, Func &&func) {
  return futurize_invoke(std::forward<Func>(func)).finally([h = g.hold()] {});
}
} // namespace seastar

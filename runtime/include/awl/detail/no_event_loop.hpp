// awl::NoEventLoopError, raised by the internals as well as the loop, so it is
// defined here; awl/errors.hpp is where users get it.
#pragma once

#include <stdexcept>
#include <string>

namespace awl {

// Misuse: an operation that needs an EventLoop ran on a thread without one.
class NoEventLoopError : public std::logic_error {
 public:
  explicit NoEventLoopError(const std::string& what_for)
      : std::logic_error("awl: " + what_for + " needs an awl::EventLoop on this thread (construct one first)") {}
};

namespace detail {
[[noreturn, gnu::noinline, gnu::cold]] inline void throw_no_event_loop(const char* what_for) {
  throw NoEventLoopError(what_for);
}
}  // namespace detail

}  // namespace awl

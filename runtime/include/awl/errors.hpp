// Exceptions the runtime raises itself.
#pragma once

#include <exception>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include <awl/detail/no_event_loop.hpp>

namespace awl {

// NoEventLoopError (misuse: an operation that needs an EventLoop ran on a
// thread without one) comes from awl/detail/no_event_loop.hpp.

// The rejection of `when_any` when every input rejected (JavaScript's AggregateError).
class AggregateError : public std::runtime_error {
 public:
  explicit AggregateError(std::vector<std::exception_ptr> errors)
      : std::runtime_error("All promises were rejected"), errors_(std::move(errors)) {}
  // The reasons, in input order.
  const std::vector<std::exception_ptr>& errors() const noexcept { return errors_; }

 private:
  std::vector<std::exception_ptr> errors_;
};

// Text describing a rejection reason: what() of a std::exception, else a placeholder.
inline std::string describe(const std::exception_ptr& reason) {
  if (!reason) return "(no reason)";
  try {
    std::rethrow_exception(reason);
  } catch (const std::exception& error) {
    return error.what();
  } catch (...) {
    return "(a non-std::exception reason)";
  }
}

// Raised by EventLoop::run() in the `throw` and `strict` modes when a rejected
// promise had no handler once the microtask queue drained.
class UnhandledRejectionError : public std::runtime_error {
 public:
  explicit UnhandledRejectionError(std::exception_ptr reason)
      : std::runtime_error("awl: unhandled promise rejection: " + describe(reason)), reason_(std::move(reason)) {}
  const std::exception_ptr& reason() const noexcept { return reason_; }

 private:
  std::exception_ptr reason_;
};

}  // namespace awl

// Helpers shared by the runtime tests.
#pragma once

#include <gtest/gtest.h>
#include <awl/awl.hpp>

#include <cstdlib>
#include <exception>
#include <optional>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace awl_test {

// An ordered record of events, printed as "a | b | c".
struct Log {
  std::vector<std::string> entries;
  void operator()(std::string entry) { entries.push_back(std::move(entry)); }
  std::string str() const {
    std::string out;
    for (const auto& entry : entries) {
      if (!out.empty()) out += " | ";
      out += entry;
    }
    return out;
  }
};

// Logs "t1", "t2", ... "tN", one per microtask: a clock measured in ticks.
inline void ticker(Log& log, int last, int tick = 1) {
  if (tick > last) return;
  awl::queue_microtask([&log, last, tick] {
    log("t" + std::to_string(tick));
    ticker(log, last, tick + 1);
  });
}

// A pending promise whose resolve/reject functions are kept (a "deferred").
template <class T>
struct Deferred {
  std::optional<awl::Resolver<T>> resolve;
  std::optional<awl::Rejecter<T>> reject;
  awl::Promise<T> promise;

  Deferred()
      : promise([this](awl::Resolver<T> res, awl::Rejecter<T> rej) {
          resolve.emplace(std::move(res));
          reject.emplace(std::move(rej));
        }) {}
};

// The what() of a rejection reason (or of an exception_ptr's std::exception).
inline std::string what_of(const std::exception_ptr& reason) { return awl::describe(reason); }

// Sets (or unsets, with nullptr) an environment variable for a scope.
class ScopedEnv {
 public:
  ScopedEnv(const char* name, const char* value) : name_(name) {
    if (const char* old = std::getenv(name)) old_ = old;
    if (value != nullptr)
      ::setenv(name, value, 1);
    else
      ::unsetenv(name);
  }
  ~ScopedEnv() {
    if (old_)
      ::setenv(name_.c_str(), old_->c_str(), 1);
    else
      ::unsetenv(name_.c_str());
  }
  ScopedEnv(const ScopedEnv&) = delete;
  ScopedEnv& operator=(const ScopedEnv&) = delete;

 private:
  std::string name_;
  std::optional<std::string> old_;
};

// A loop in the default unhandled-rejection mode whatever the environment says.
inline void use_default_mode(awl::EventLoop& loop) { loop.set_unhandled_rejections(awl::UnhandledRejections::throw_); }

// Counts live instances (to check that destructors ran).
struct LiveCounter {
  explicit LiveCounter(int& live) : live_(&live) { ++*live_; }
  LiveCounter(const LiveCounter& other) : live_(other.live_) { ++*live_; }
  LiveCounter& operator=(const LiveCounter&) = delete;
  ~LiveCounter() { --*live_; }
  int* live_;
};

// An exception type carrying an identity, to check that a reason passes through unchanged.
struct Tagged : std::runtime_error {
  explicit Tagged(int tag_value) : std::runtime_error("tagged " + std::to_string(tag_value)), tag(tag_value) {}
  int tag;
};

inline int tag_of(const std::exception_ptr& reason) {
  try {
    std::rethrow_exception(reason);
  } catch (const Tagged& error) {
    return error.tag;
  } catch (...) {
    return -1;
  }
}

}  // namespace awl_test

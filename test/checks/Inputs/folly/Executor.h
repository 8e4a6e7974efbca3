// Mock of folly/Executor.h for the check tests: an executor, and the
// KeepAlive handle the coroutine API takes (made from an Executor*).
#pragma once
#include <functional>

namespace folly {
class Executor {
public:
  virtual ~Executor() = default;
  virtual void add(std::function<void()> func) = 0;

  template <typename ExecutorT = Executor> class KeepAlive {
  public:
    KeepAlive(ExecutorT *executor) : executor_(executor) {}
    ExecutorT *get() const { return executor_; }

  private:
    ExecutorT *executor_;
  };
};
} // namespace folly

// Mock of async_simple/executors/SimpleExecutor.h: a thread pool executor;
// in the mock, work goes to the virtual-time loop.
#pragma once
#include "../Executor.h"
#include <cstddef>

namespace async_simple::executors {
class SimpleExecutor : public Executor {
public:
  explicit SimpleExecutor(size_t threadNum) : _threadNum(threadNum) {}
  using Executor::schedule;
  bool schedule(Func func) override {
    mock_loop::post(std::move(func));
    return true;
  }
  bool currentThreadInExecutor() const override { return false; }
  size_t threadNum() const { return _threadNum; }

private:
  size_t _threadNum;
};
} // namespace async_simple::executors

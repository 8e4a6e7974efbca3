// Mock of async_simple/Executor.h (alibaba/async_simple): the abstract
// executor a Lazy is bound to with .via(&ex) or syncAwait(lazy, &ex), and
// CurrentExecutor (co_await CurrentExecutor{} gives the Executor*).
// after(dur) is a timer: in the mock, on virtual time.
#pragma once
#include "../mock_loop.hpp"
#include <chrono>
#include <coroutine>
#include <cstdint>
#include <functional>
#include <stdexcept>
#include <string>
#include <utility>

namespace async_simple {
struct CurrentExecutor {};

class Executor {
public:
  using Context = void *;
  using Duration = std::chrono::duration<int64_t, std::micro>;
  using Func = std::function<void()>;
  enum class Priority { DEFAULT = 0, YIELD = 1, LOW = 2 };

  class TimeAwaiter {
  public:
    TimeAwaiter(Executor *ex, Duration dur) : _ex(ex), _dur(dur) {}
    bool await_ready() const noexcept { return false; }
    void await_suspend(std::coroutine_handle<> continuation) {
      Executor *ex = _ex;
      mock_loop::after(_dur, [ex, continuation] {
        ex->schedule([continuation] { continuation.resume(); });
      });
    }
    void await_resume() const noexcept {}

  private:
    Executor *_ex;
    Duration _dur;
  };
  using TimeAwaitable = TimeAwaiter;

  Executor(std::string name = "default") : _name(std::move(name)) {}
  virtual ~Executor() {}
  Executor(const Executor &) = delete;
  Executor &operator=(const Executor &) = delete;

  virtual bool schedule(Func func) = 0;
  virtual bool schedule(Func func, uint64_t /*schedule_info*/) {
    return schedule(std::move(func));
  }
  virtual bool currentThreadInExecutor() const {
    throw std::logic_error("Not implemented");
  }
  const std::string &name() const { return _name; }
  TimeAwaitable after(Duration dur) { return TimeAwaitable(this, dur); }
  TimeAwaitable after(Duration dur, uint64_t /*schedule_info*/) {
    return TimeAwaitable(this, dur);
  }

private:
  std::string _name;
};
} // namespace async_simple

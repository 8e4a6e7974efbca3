// Mock of drogon/utils/coroutine.h (drogonframework/drogon, v1.9.12+),
// runnable.
//   drogon::Task<T>: lazy (initial_suspend returns std::suspend_always);
//     co_await runs it by symmetric transfer and gives T (by value) or
//     rethrows.
//   drogon::AsyncTask: eager fire-and-forget (std::suspend_never at both
//     ends; an exception escaping it terminates). async_run(coroFunc)
//     calls coroFunc() and awaits the result in an AsyncTask.
//   sync_wait(awaitable) -> its result (blocks; the mock drives the loop).
//   co_await sleepCoro(loop, seconds), queueInLoopCoro(loop, func),
//     switchThreadCoro(loop), Mutex::scoped_lock() -> std::unique_lock.
//   co_await when_all(a, b, ...) -> const std::tuple<R...>& with R the
//     result of each await and std::false_type for a void one; rethrows the
//     first exception once all are done. when_all(std::vector<Task<T>>) ->
//     const std::vector<T>&, void for std::vector<Task<void>>. All operands
//     start at once.
#pragma once
#include "../../mock_loop.hpp"
#include <trantor/net/EventLoop.h>
#include <trantor/utils/NonCopyable.h>
#include <atomic>
#include <cassert>
#include <chrono>
#include <coroutine>
#include <cstdio>
#include <exception>
#include <functional>
#include <future>
#include <mutex>
#include <optional>
#include <tuple>
#include <type_traits>
#include <utility>
#include <vector>

namespace drogon {
namespace internal {
template <typename T>
auto getAwaiterImpl(T &&value) -> decltype(static_cast<T &&>(value).operator co_await()) {
  return static_cast<T &&>(value).operator co_await();
}
template <typename T>
auto getAwaiterImpl(T &&value) -> decltype(operator co_await(static_cast<T &&>(value))) {
  return operator co_await(static_cast<T &&>(value));
}
template <typename T> auto getAwaiter(T &&value) -> decltype(getAwaiterImpl(static_cast<T &&>(value))) {
  return getAwaiterImpl(static_cast<T &&>(value));
}
template <typename T>
using void_to_false_t = std::conditional_t<std::is_same_v<T, void>, std::false_type, T>;
} // namespace internal

template <typename T> struct await_result {
  using awaiter_t = decltype(internal::getAwaiter(std::declval<T>()));
  using type = decltype(std::declval<awaiter_t>().await_resume());
};
template <typename T> using await_result_t = typename await_result<T>::type;

template <typename T, typename = std::void_t<>> struct is_awaitable : std::false_type {};
template <typename T>
struct is_awaitable<T, std::void_t<decltype(internal::getAwaiter(std::declval<T>()))>> : std::true_type {};
template <typename T> constexpr bool is_awaitable_v = is_awaitable<T>::value;

struct final_awaiter {
  bool await_ready() noexcept { return false; }
  template <typename T> auto await_suspend(std::coroutine_handle<T> handle) noexcept {
    return handle.promise().continuation_;
  }
  void await_resume() noexcept {}
};

template <typename Promise> struct task_awaiter {
  using handle_type = std::coroutine_handle<Promise>;
  explicit task_awaiter(handle_type coro) : coro_(coro) {}
  bool await_ready() noexcept { return !coro_ || coro_.done(); }
  auto await_suspend(std::coroutine_handle<> handle) noexcept {
    coro_.promise().setContinuation(handle);
    return coro_;
  }
  auto await_resume() {
    if constexpr (std::is_void_v<decltype(coro_.promise().result())>) {
      coro_.promise().result();
      return;
    } else {
      return std::move(coro_.promise().result());
    }
  }

private:
  handle_type coro_;
};

template <typename T> struct task_result {
  std::optional<T> value;
  std::exception_ptr exception_;
  void return_value(const T &v) { value = v; }
  void return_value(T &&v) { value = std::move(v); }
  T &result() & {
    if (exception_)
      std::rethrow_exception(exception_);
    return value.value();
  }
};
template <> struct task_result<void> {
  std::exception_ptr exception_;
  void return_void() {}
  void result() {
    if (exception_)
      std::rethrow_exception(exception_);
  }
};

template <typename T = void> struct [[nodiscard]] Task {
  struct promise_type : task_result<T> {
    Task<T> get_return_object() { return Task<T>{std::coroutine_handle<promise_type>::from_promise(*this)}; }
    std::suspend_always initial_suspend() { return {}; }
    auto final_suspend() noexcept { return final_awaiter{}; }
    void unhandled_exception() { this->exception_ = std::current_exception(); }
    void setContinuation(std::coroutine_handle<> handle) { continuation_ = handle; }
    std::coroutine_handle<> continuation_{std::noop_coroutine()};
  };
  using handle_type = std::coroutine_handle<promise_type>;

  Task(handle_type h) : coro_(h) {}
  Task(const Task &) = delete;
  Task(Task &&other) noexcept : coro_(std::exchange(other.coro_, nullptr)) {}
  ~Task() {
    if (coro_)
      coro_.destroy();
  }
  Task &operator=(const Task &) = delete;
  Task &operator=(Task &&other) noexcept {
    if (std::addressof(other) != this) {
      if (coro_)
        coro_.destroy();
      coro_ = std::exchange(other.coro_, nullptr);
    }
    return *this;
  }
  auto operator co_await() const noexcept { return task_awaiter(coro_); }

  handle_type coro_;
};

struct AsyncTask {
  struct promise_type {
    AsyncTask get_return_object() noexcept {
      return {std::coroutine_handle<promise_type>::from_promise(*this)};
    }
    std::suspend_never initial_suspend() const noexcept { return {}; }
    void unhandled_exception() {
      std::fprintf(stderr, "FATAL: Exception escaping AsyncTask.\n");
      std::terminate();
    }
    void return_void() noexcept {}
    std::suspend_never final_suspend() const noexcept { return {}; }
  };
  using handle_type = std::coroutine_handle<promise_type>;
  AsyncTask() = default;
  AsyncTask(handle_type h) : coro_(h) {}
  AsyncTask(const AsyncTask &) = delete;
  AsyncTask(AsyncTask &&other) noexcept : coro_(std::exchange(other.coro_, nullptr)) {}
  AsyncTask &operator=(const AsyncTask &) = delete;
  AsyncTask &operator=(AsyncTask &&other) noexcept {
    coro_ = std::exchange(other.coro_, nullptr);
    return *this;
  }
  handle_type coro_;
};

template <typename T = void> struct CallbackAwaiter : public trantor::NonCopyable {
  bool await_ready() noexcept { return false; }
  bool hasException() const noexcept { return exception_ != nullptr; }
  const T &await_resume() const noexcept(false) {
    if (exception_)
      std::rethrow_exception(exception_);
    return result_.value();
  }

private:
  std::optional<T> result_;
  std::exception_ptr exception_{nullptr};

protected:
  void setException(const std::exception_ptr &e) { exception_ = e; }
  void setValue(const T &v) { result_.emplace(v); }
  void setValue(T &&v) { result_.emplace(std::move(v)); }
};

template <> struct CallbackAwaiter<void> : public trantor::NonCopyable {
  bool await_ready() noexcept { return false; }
  void await_resume() noexcept(false) {
    if (exception_)
      std::rethrow_exception(exception_);
  }
  bool hasException() const noexcept { return exception_ != nullptr; }

private:
  std::exception_ptr exception_{nullptr};

protected:
  void setException(const std::exception_ptr &e) { exception_ = e; }
};

template <typename Await> auto sync_wait(Await &&await) {
  static_assert(is_awaitable_v<std::decay_t<Await>>);
  using value_type = typename await_result<Await>::type;
  bool flag = false;
  std::exception_ptr exception_ptr;
  if constexpr (std::is_same_v<value_type, void>) {
    auto task = [&]() -> AsyncTask {
      try {
        co_await await;
      } catch (...) {
        exception_ptr = std::current_exception();
      }
      flag = true;
    };
    task();
    mock_loop::run_until([&] { return flag; });
    if (exception_ptr)
      std::rethrow_exception(exception_ptr);
  } else {
    std::optional<value_type> value;
    auto task = [&]() -> AsyncTask {
      try {
        value = co_await await;
      } catch (...) {
        exception_ptr = std::current_exception();
      }
      flag = true;
    };
    task();
    mock_loop::run_until([&] { return flag; });
    if (exception_ptr)
      std::rethrow_exception(exception_ptr);
    return std::move(value.value());
  }
}

template <typename Await>
inline auto co_future(Await &&await) noexcept -> std::future<await_result_t<Await>> {
  using Result = await_result_t<Await>;
  std::promise<Result> prom;
  auto fut = prom.get_future();
  [](std::promise<Result> prom, Await await) -> AsyncTask {
    try {
      if constexpr (std::is_void_v<Result>) {
        co_await std::move(await);
        prom.set_value();
      } else {
        prom.set_value(co_await std::move(await));
      }
    } catch (...) {
      prom.set_exception(std::current_exception());
    }
  }(std::move(prom), std::move(await));
  return fut;
}

namespace internal {
struct [[nodiscard]] TimerAwaiter : CallbackAwaiter<void> {
  TimerAwaiter(trantor::EventLoop *loop, const std::chrono::duration<double> &delay)
      : loop_(loop), delay_(delay.count()) {}
  TimerAwaiter(trantor::EventLoop *loop, double delay) : loop_(loop), delay_(delay) {}
  void await_suspend(std::coroutine_handle<> handle) {
    loop_->runAfter(delay_, [handle]() { handle.resume(); });
  }

private:
  trantor::EventLoop *loop_;
  double delay_;
};

struct [[nodiscard]] LoopAwaiter : CallbackAwaiter<void> {
  LoopAwaiter(trantor::EventLoop *workLoop, std::function<void()> &&taskFunc,
              trantor::EventLoop *resumeLoop = nullptr)
      : workLoop_(workLoop), resumeLoop_(resumeLoop), taskFunc_(std::move(taskFunc)) {}
  void await_suspend(std::coroutine_handle<> handle) {
    workLoop_->queueInLoop([handle, this]() {
      try {
        taskFunc_();
      } catch (...) {
        setException(std::current_exception());
      }
      if (resumeLoop_ && resumeLoop_ != workLoop_)
        resumeLoop_->queueInLoop([handle]() { handle.resume(); });
      else
        handle.resume();
    });
  }

private:
  trantor::EventLoop *workLoop_{nullptr};
  trantor::EventLoop *resumeLoop_{nullptr};
  std::function<void()> taskFunc_;
};

struct [[nodiscard]] SwitchThreadAwaiter : CallbackAwaiter<void> {
  explicit SwitchThreadAwaiter(trantor::EventLoop *loop) : loop_(loop) {}
  void await_suspend(std::coroutine_handle<> handle) {
    loop_->queueInLoop([handle]() { handle.resume(); });
  }

private:
  trantor::EventLoop *loop_;
};

struct [[nodiscard]] EndAwaiter : CallbackAwaiter<void> {
  EndAwaiter(trantor::EventLoop *loop) : loop_(loop) {}
  void await_suspend(std::coroutine_handle<> handle) {
    loop_->runOnQuit([handle]() { handle.resume(); });
  }

private:
  trantor::EventLoop *loop_{nullptr};
};
} // namespace internal

inline internal::TimerAwaiter sleepCoro(trantor::EventLoop *loop,
                                        const std::chrono::duration<double> &delay) noexcept {
  return {loop, delay};
}
inline internal::TimerAwaiter sleepCoro(trantor::EventLoop *loop, double delay) noexcept {
  return {loop, delay};
}
inline internal::LoopAwaiter queueInLoopCoro(trantor::EventLoop *workLoop, std::function<void()> taskFunc,
                                             trantor::EventLoop *resumeLoop = nullptr) {
  return {workLoop, std::move(taskFunc), resumeLoop};
}
inline internal::SwitchThreadAwaiter switchThreadCoro(trantor::EventLoop *loop) noexcept {
  return internal::SwitchThreadAwaiter{loop};
}
inline internal::EndAwaiter untilQuit(trantor::EventLoop *loop) { return {loop}; }

template <typename Coro> void async_run(Coro &&coro) {
  using CoroValueType = std::decay_t<Coro>;
  auto functor = [](CoroValueType coro) -> AsyncTask {
    auto frame = coro();
    static_assert(is_awaitable_v<std::decay_t<decltype(frame)>>);
    co_await frame;
    co_return;
  };
  functor(std::forward<Coro>(coro));
}
template <typename Coro> std::function<void()> async_func(Coro &&coro) {
  return [coro = std::forward<Coro>(coro)]() mutable { async_run(std::move(coro)); };
}

namespace internal {
template <typename T> struct [[nodiscard]] EventLoopAwaiter : public drogon::CallbackAwaiter<T> {
  EventLoopAwaiter(std::function<T()> &&task, trantor::EventLoop *loop)
      : task_(std::move(task)), loop_(loop) {}
  void await_suspend(std::coroutine_handle<> handle) {
    loop_->queueInLoop([this, handle]() {
      try {
        if constexpr (!std::is_same_v<T, void>)
          this->setValue(task_());
        else
          task_();
      } catch (...) {
        this->setException(std::current_exception());
      }
      handle.resume();
    });
  }

private:
  std::function<T()> task_;
  trantor::EventLoop *loop_;
};

template <typename... Tasks>
struct WhenAllAwaiter : public CallbackAwaiter<std::tuple<internal::void_to_false_t<await_result_t<Tasks>>...>> {
  WhenAllAwaiter(Tasks... tasks) : tasks_(std::forward<Tasks>(tasks)...), counter_(sizeof...(tasks)) {}
  void await_suspend(std::coroutine_handle<> handle) {
    if (counter_ == 0) {
      this->setValue(std::move(results_));
      handle.resume();
      return;
    }
    [&]<size_t... Is>(std::index_sequence<Is...>) {
      (launch_task<Is>(handle), ...);
    }(std::index_sequence_for<Tasks...>{});
  }

private:
  std::tuple<Tasks...> tasks_;
  size_t counter_;
  std::tuple<internal::void_to_false_t<await_result_t<Tasks>>...> results_;
  bool exceptionFlag_ = false;

  template <size_t Idx> void launch_task(std::coroutine_handle<> handle) {
    [](WhenAllAwaiter *self, std::coroutine_handle<> handle) -> AsyncTask {
      try {
        using TaskType = std::tuple_element_t<Idx, std::remove_cvref_t<decltype(self->results_)>>;
        if constexpr (std::is_same_v<TaskType, std::false_type>) {
          co_await std::get<Idx>(self->tasks_);
          std::get<Idx>(self->results_) = std::false_type{};
        } else {
          std::get<Idx>(self->results_) = co_await std::get<Idx>(self->tasks_);
        }
      } catch (...) {
        if (!std::exchange(self->exceptionFlag_, true))
          self->setException(std::current_exception());
      }
      if (--self->counter_ == 0) {
        if (!self->hasException())
          self->setValue(std::move(self->results_));
        handle.resume();
      }
    }(this, handle);
  }
};

template <typename T> struct WhenAllAwaiter<std::vector<Task<T>>> : public CallbackAwaiter<std::vector<T>> {
  WhenAllAwaiter(std::vector<Task<T>> tasks)
      : tasks_(std::move(tasks)), counter_(tasks_.size()), results_(tasks_.size()) {}
  void await_suspend(std::coroutine_handle<> handle) {
    if (tasks_.empty()) {
      this->setValue(std::vector<T>{});
      handle.resume();
      return;
    }
    const size_t count = tasks_.size();
    for (size_t i = 0; i < count; ++i) {
      [](WhenAllAwaiter *self, std::coroutine_handle<> handle, Task<T> task, size_t index) -> AsyncTask {
        try {
          auto result = co_await task;
          self->results_[index] = std::move(result);
        } catch (...) {
          if (!std::exchange(self->exceptionFlag_, true))
            self->setException(std::current_exception());
        }
        if (--self->counter_ == 0) {
          if (!self->hasException())
            self->setValue(std::move(self->results_));
          handle.resume();
        }
      }(this, handle, std::move(tasks_[i]), i);
    }
  }

private:
  std::vector<Task<T>> tasks_;
  size_t counter_;
  std::vector<T> results_;
  bool exceptionFlag_ = false;
};

template <> struct WhenAllAwaiter<std::vector<Task<void>>> : public CallbackAwaiter<void> {
  WhenAllAwaiter(std::vector<Task<void>> &&t) : tasks_(std::move(t)), counter_(tasks_.size()) {}
  void await_suspend(std::coroutine_handle<> handle) {
    if (tasks_.empty()) {
      handle.resume();
      return;
    }
    const size_t count = tasks_.size();
    for (size_t i = 0; i < count; ++i) {
      [](WhenAllAwaiter *self, std::coroutine_handle<> handle, Task<> task) -> AsyncTask {
        try {
          co_await task;
        } catch (...) {
          if (!std::exchange(self->exceptionFlag_, true))
            self->setException(std::current_exception());
        }
        if (--self->counter_ == 0)
          handle.resume();
      }(this, handle, std::move(tasks_[i]));
    }
  }
  std::vector<Task<void>> tasks_;
  size_t counter_;
  bool exceptionFlag_ = false;
};
} // namespace internal

template <typename T>
inline internal::EventLoopAwaiter<T> queueInLoopCoro(trantor::EventLoop *loop, std::function<T()> task) {
  return internal::EventLoopAwaiter<T>(std::move(task), loop);
}

class Mutex final {
  class CoroMutexAwaiter;
  class ScopedCoroMutexAwaiter;

public:
  Mutex() noexcept = default;
  Mutex(const Mutex &) = delete;
  Mutex &operator=(const Mutex &) = delete;

  bool try_lock() noexcept {
    if (locked_)
      return false;
    locked_ = true;
    return true;
  }
  [[nodiscard]] ScopedCoroMutexAwaiter
  scoped_lock(trantor::EventLoop *loop = trantor::EventLoop::getEventLoopOfCurrentThread()) noexcept;
  [[nodiscard]] CoroMutexAwaiter
  lock(trantor::EventLoop *loop = trantor::EventLoop::getEventLoopOfCurrentThread()) noexcept;
  void unlock() noexcept {
    if (waiters_.empty()) {
      locked_ = false;
      return;
    }
    auto [handle, loop] = waiters_.front(); // the lock passes to it
    waiters_.erase(waiters_.begin());
    if (loop)
      loop->runInLoop([handle] { handle.resume(); });
    else
      handle.resume();
  }

private:
  class CoroMutexAwaiter {
  public:
    CoroMutexAwaiter(Mutex &mutex, trantor::EventLoop *loop) noexcept : mutex_(mutex), loop_(loop) {}
    bool await_ready() noexcept { return mutex_.try_lock(); }
    bool await_suspend(std::coroutine_handle<> handle) noexcept {
      if (mutex_.try_lock())
        return false;
      mutex_.waiters_.emplace_back(handle, loop_);
      return true;
    }
    void await_resume() noexcept {}

  protected:
    Mutex &mutex_;
    trantor::EventLoop *loop_;
  };
  class ScopedCoroMutexAwaiter : public CoroMutexAwaiter {
  public:
    ScopedCoroMutexAwaiter(Mutex &mutex, trantor::EventLoop *loop) : CoroMutexAwaiter(mutex, loop) {}
    [[nodiscard]] auto await_resume() noexcept { return std::unique_lock<Mutex>{mutex_, std::adopt_lock}; }
  };

  bool locked_ = false;
  std::vector<std::pair<std::coroutine_handle<>, trantor::EventLoop *>> waiters_;
};
inline Mutex::ScopedCoroMutexAwaiter Mutex::scoped_lock(trantor::EventLoop *loop) noexcept {
  return ScopedCoroMutexAwaiter(*this, loop);
}
inline Mutex::CoroMutexAwaiter Mutex::lock(trantor::EventLoop *loop) noexcept {
  return CoroMutexAwaiter(*this, loop);
}

template <typename... Tasks> internal::WhenAllAwaiter<Tasks...> when_all(Tasks... tasks) {
  return internal::WhenAllAwaiter<Tasks...>(std::move(tasks)...);
}
template <typename T>
internal::WhenAllAwaiter<std::vector<Task<T>>> when_all(std::vector<Task<T>> tasks) {
  return internal::WhenAllAwaiter(std::move(tasks));
}
inline internal::WhenAllAwaiter<std::vector<Task<void>>> when_all(std::vector<Task<void>> tasks) {
  return internal::WhenAllAwaiter(std::move(tasks));
}
} // namespace drogon

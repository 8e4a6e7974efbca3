// Mock of async_simple/coro/Lazy.h (alibaba/async_simple), runnable.
//   Lazy<T>: lazy (initial_suspend returns std::suspend_always); co_await
//     runs it by symmetric transfer and gives T (rethrows); co_await
//     lazy.coAwaitTry() gives Try<T>. A Lazy may only be co_awaited from a
//     Lazy (or DetachedCoroutine), as in async_simple.
//   .start(callback): runs it now, callback(Try<T>) at the end (the detach
//     form: .start([](auto&&) {})).
//   .via(&executor) -> RescheduleLazy<T>: starts on the executor; only
//     .start(cb), .detach() and syncAwait take it.
//   co_await CurrentExecutor{} gives the Executor*; co_await Yield{}
//     reschedules on it. The executor passes from a Lazy to what it awaits.
#pragma once
#include "../Executor.h"
#include "../Try.h"
#include "DetachedCoroutine.h"
#include <coroutine>
#include <exception>
#include <stdexcept>
#include <type_traits>
#include <utility>
#include <variant>

namespace async_simple::coro {
template <typename T> class Lazy;
template <typename T> class RescheduleLazy;
struct Yield {};

namespace detail {
struct CollectAccess;
class LazyPromiseBase {
public:
  struct FinalAwaiter {
    bool await_ready() const noexcept { return false; }
    template <typename PromiseType>
    std::coroutine_handle<> await_suspend(std::coroutine_handle<PromiseType> h) noexcept {
      return h.promise()._continuation;
    }
    void await_resume() noexcept {}
  };
  struct YieldAwaiter {
    Executor *_executor;
    bool await_ready() const noexcept { return _executor == nullptr; }
    void await_suspend(std::coroutine_handle<> h) {
      _executor->schedule([h] { h.resume(); },
                          static_cast<uint64_t>(Executor::Priority::YIELD));
    }
    void await_resume() const noexcept {}
  };

  std::suspend_always initial_suspend() noexcept { return {}; }
  FinalAwaiter final_suspend() noexcept { return {}; }

  // Every co_await in a Lazy passes its executor on (Lazy::coAwait).
  template <typename Awaitable> decltype(auto) await_transform(Awaitable &&awaitable) {
    if constexpr (requires { std::forward<Awaitable>(awaitable).coAwait(_executor); })
      return std::forward<Awaitable>(awaitable).coAwait(_executor);
    else
      return std::forward<Awaitable>(awaitable);
  }
  auto await_transform(CurrentExecutor) { return ReadyAwaiter<Executor *>(_executor); }
  auto await_transform(Yield) { return YieldAwaiter{_executor}; }

  std::coroutine_handle<> _continuation;
  Executor *_executor = nullptr;
};

template <typename T> class LazyPromise : public LazyPromiseBase {
public:
  Lazy<T> get_return_object() noexcept;
  template <typename V>
    requires std::is_convertible_v<V &&, T>
  void return_value(V &&value) {
    _value.template emplace<T>(std::forward<V>(value));
  }
  void unhandled_exception() noexcept {
    _value.template emplace<std::exception_ptr>(std::current_exception());
  }
  T &result() & {
    check();
    return std::get<T>(_value);
  }
  T &&result() && {
    check();
    return std::move(std::get<T>(_value));
  }
  Try<T> tryResult() noexcept {
    if (std::holds_alternative<std::exception_ptr>(_value))
      return Try<T>(std::get<std::exception_ptr>(_value));
    return Try<T>(std::move(std::get<T>(_value)));
  }

private:
  void check() {
    if (std::holds_alternative<std::exception_ptr>(_value))
      std::rethrow_exception(std::get<std::exception_ptr>(_value));
  }
  std::variant<std::monostate, T, std::exception_ptr> _value;
};

template <> class LazyPromise<void> : public LazyPromiseBase {
public:
  Lazy<void> get_return_object() noexcept;
  void return_void() noexcept {}
  void unhandled_exception() noexcept { _exception = std::current_exception(); }
  void result() {
    if (_exception)
      std::rethrow_exception(_exception);
  }
  Try<void> tryResult() noexcept {
    return _exception ? Try<void>(_exception) : Try<void>();
  }

private:
  std::exception_ptr _exception;
};

template <typename T, typename CB>
concept isLazyCallback = std::is_invocable_v<CB, Try<T>>;

template <typename T, bool reschedule> class LazyBase {
public:
  using promise_type = detail::LazyPromise<T>;
  using Handle = std::coroutine_handle<promise_type>;
  using ValueType = T;

  struct AwaiterBase {
    explicit AwaiterBase(Handle coro) : _handle(coro) {}
    AwaiterBase(AwaiterBase &&o) noexcept : _handle(std::exchange(o._handle, nullptr)) {}
    ~AwaiterBase() {
      if (_handle)
        _handle.destroy();
    }
    bool await_ready() const noexcept { return false; }
    template <typename PromiseType>
    auto await_suspend(std::coroutine_handle<PromiseType> continuation) {
      static_assert(std::is_base_of_v<LazyPromiseBase, PromiseType> ||
                        std::is_same_v<DetachedCoroutine::promise_type, PromiseType>,
                    "'co_await Lazy' is only allowed to be called by Lazy or "
                    "DetachedCoroutine");
      _handle.promise()._continuation = continuation;
      if constexpr (reschedule) {
        Handle h = _handle;
        _handle.promise()._executor->schedule([h] { h.resume(); });
      } else {
        return static_cast<std::coroutine_handle<>>(_handle);
      }
    }
    T awaitResume() {
      if constexpr (std::is_void_v<T>)
        _handle.promise().result();
      else
        return std::move(_handle.promise()).result();
    }
    Try<T> awaitResumeTry() noexcept { return _handle.promise().tryResult(); }
    Handle _handle;
  };
  struct TryAwaiter : AwaiterBase {
    using AwaiterBase::AwaiterBase;
    Try<T> await_resume() noexcept { return this->awaitResumeTry(); }
    auto coAwait(Executor *ex) {
      this->_handle.promise()._executor = ex;
      return std::move(*this);
    }
  };
  struct ValueAwaiter : AwaiterBase {
    using AwaiterBase::AwaiterBase;
    T await_resume() { return this->awaitResume(); }
  };

  explicit LazyBase(Handle coro) noexcept : _coro(coro) {}
  LazyBase(LazyBase &&other) noexcept : _coro(std::exchange(other._coro, nullptr)) {}
  LazyBase(const LazyBase &) = delete;
  LazyBase &operator=(const LazyBase &) = delete;
  ~LazyBase() {
    if (_coro)
      _coro.destroy();
  }

  Executor *getExecutor() { return _coro.promise()._executor; }

  template <typename F>
    requires isLazyCallback<T, F>
  void start(F &&callback) {
    if (!_coro)
      throw std::logic_error("Lazy do not have a coroutine_handle Maybe the "
                             "allocation failed or you're using a used Lazy");
    auto launch = [](LazyBase lazy, std::decay_t<F> cb) -> DetachedCoroutine {
      cb(co_await lazy.coAwaitTry());
    };
    launch(std::move(*this), std::forward<F>(callback));
  }
  bool isReady() const { return !_coro || _coro.done(); }
  auto operator co_await() { return ValueAwaiter(std::exchange(_coro, nullptr)); }
  auto coAwaitTry() { return TryAwaiter(std::exchange(_coro, nullptr)); }

protected:
  friend struct detail::CollectAccess;
  Handle _coro;
};
} // namespace detail

template <typename T = void>
class [[nodiscard]] Lazy : public detail::LazyBase<T, false> {
  using Base = detail::LazyBase<T, false>;

public:
  using Base::Base;
  RescheduleLazy<T> via(Executor *ex) && {
    this->_coro.promise()._executor = ex;
    return RescheduleLazy<T>(std::exchange(this->_coro, nullptr));
  }
  using Base::start;
  template <typename F>
    requires detail::isLazyCallback<T, F>
  void directlyStart(F &&callback, Executor *executor) {
    this->_coro.promise()._executor = executor;
    return start(std::forward<F>(callback));
  }
  auto coAwait(Executor *ex) {
    this->_coro.promise()._executor = ex;
    return typename Base::ValueAwaiter(std::exchange(this->_coro, nullptr));
  }
};

template <typename T = void>
class [[nodiscard]] RescheduleLazy : public detail::LazyBase<T, true> {
  using Base = detail::LazyBase<T, true>;
  friend class Lazy<T>;
  using Base::Base;

public:
  RescheduleLazy(RescheduleLazy &&) = default;
  void detach() {
    this->start([](auto &&t) {
      if (t.hasError())
        std::rethrow_exception(t.getException());
    });
  }
};

template <typename T> inline Lazy<T> detail::LazyPromise<T>::get_return_object() noexcept {
  return Lazy<T>(Lazy<T>::Handle::from_promise(*this));
}
inline Lazy<void> detail::LazyPromise<void>::get_return_object() noexcept {
  return Lazy<void>(Lazy<void>::Handle::from_promise(*this));
}
} // namespace async_simple::coro

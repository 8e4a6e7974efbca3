// Mock of boost/cobalt/promise.hpp (boostorg/cobalt), runnable.
// cobalt::promise<T> is eager: the coroutine runs at its call (initial_suspend
// returns std::suspend_never). co_await gives T (void for promise<void>) or
// rethrows. +p / p.detach() detach it (it runs on); a promise dropped while
// still attached is cancelled by Boost.Cobalt — the mock lets it run on.
#pragma once
#include "detail/mock.hpp"
#include "noop.hpp"
#include <coroutine>
#include <exception>
#include <memory>
#include <optional>
#include <stdexcept>
#include <type_traits>
#include <utility>

namespace boost::cobalt {
template <typename Return> struct promise;

namespace detail {
template <typename T> struct promise_state {
  std::optional<void_as_monostate<T>> value;
  std::exception_ptr error;
  bool done = false, result_taken = false;
  std::coroutine_handle<> awaiting;
  T take() {
    result_taken = true;
    if (error)
      std::rethrow_exception(error);
    if constexpr (!std::is_void_v<T>)
      return std::move(*value);
  }
};

template <typename T> struct promise_return {
  std::shared_ptr<promise_state<T>> state = std::make_shared<promise_state<T>>();
  template <typename V>
    requires std::is_convertible_v<V &&, T>
  void return_value(V &&v) {
    state->value.emplace(std::forward<V>(v));
  }
};
template <> struct promise_return<void> {
  std::shared_ptr<promise_state<void>> state = std::make_shared<promise_state<void>>();
  void return_void() { state->value.emplace(); }
};

template <typename Return> struct cobalt_promise : promise_base, promise_return<Return> {
  cobalt::promise<Return> get_return_object();
  std::suspend_never initial_suspend() noexcept { return {}; }
  auto final_suspend() noexcept {
    struct final_awaitable {
      bool await_ready() const noexcept { return false; }
      std::coroutine_handle<> await_suspend(std::coroutine_handle<cobalt_promise> h) noexcept {
        auto st = h.promise().state;
        st->done = true;
        h.destroy();
        return st->awaiting ? st->awaiting : std::noop_coroutine();
      }
      void await_resume() noexcept {}
    };
    return final_awaitable{};
  }
  void unhandled_exception() { this->state->error = std::current_exception(); }
};
} // namespace detail

template <typename Return> struct [[nodiscard]] promise {
  promise(promise &&lhs) noexcept
      : state_(std::move(lhs.state_)), attached_(std::exchange(lhs.attached_, false)) {}
  promise &operator=(promise &&lhs) noexcept {
    state_ = std::move(lhs.state_);
    attached_ = std::exchange(lhs.attached_, false);
    return *this;
  }
  promise(const promise &) = delete;
  promise &operator=(const promise &) = delete;
  ~promise() = default;
  /// Complete at once, without a coroutine.
  promise(noop<Return> ready)
      : state_(std::make_shared<detail::promise_state<Return>>()), attached_(false) {
    if constexpr (std::is_void_v<Return>)
      state_->value.emplace();
    else
      state_->value.emplace(std::move(ready.value));
    state_->done = true;
  }

  auto operator co_await() {
    struct awaitable {
      std::shared_ptr<detail::promise_state<Return>> st;
      bool await_ready() const noexcept { return st->done; }
      void await_suspend(std::coroutine_handle<> h) noexcept { st->awaiting = h; }
      Return await_resume() { return st->take(); }
    };
    return awaitable{state_};
  }
  /// Ignore the result, i.e. detach it.
  void operator+() && { detach(); }
  void cancel() {}
  bool ready() const { return state_->done; }
  explicit operator bool() const { return !state_->done || !state_->result_taken; }
  bool attached() const { return attached_; }
  void detach() { attached_ = false; }
  void attach() { attached_ = true; }
  Return get() {
    if (!ready())
      throw std::logic_error("cobalt::promise::get() before it is ready");
    return state_->take();
  }

  using promise_type = detail::cobalt_promise<Return>;

private:
  template <typename> friend struct detail::cobalt_promise;
  explicit promise(std::shared_ptr<detail::promise_state<Return>> st)
      : state_(std::move(st)), attached_(true) {}
  std::shared_ptr<detail::promise_state<Return>> state_;
  bool attached_;
};

template <typename Return>
inline promise<Return> detail::cobalt_promise<Return>::get_return_object() {
  return promise<Return>{this->state};
}
} // namespace boost::cobalt

// Mock of libcoro's coro/task.hpp (jbaldwin/libcoro v0.16): coro::task<T> is
// lazy (initial_suspend returns std::suspend_always) and runs when awaited,
// by symmetric transfer; the awaiter resumes it at its final suspend. co_await
// of an lvalue task gives const T&, of an rvalue task T&&; an exception the
// task threw is rethrown there.
#pragma once
#include <coroutine>
#include <exception>
#include <memory>
#include <stdexcept>
#include <type_traits>
#include <utility>
#include <variant>

namespace coro {
template <typename return_type = void> class task;

namespace detail {
struct promise_base {
  struct final_awaitable {
    bool await_ready() const noexcept { return false; }
    template <typename P>
    std::coroutine_handle<> await_suspend(std::coroutine_handle<P> h) noexcept {
      auto c = h.promise().m_continuation;
      return c ? c : std::noop_coroutine();
    }
    void await_resume() noexcept {}
  };
  std::suspend_always initial_suspend() noexcept { return {}; }
  final_awaitable final_suspend() noexcept { return {}; }
  void continuation(std::coroutine_handle<> c) noexcept { m_continuation = c; }
  std::coroutine_handle<> m_continuation{nullptr};
};

template <typename return_type> struct promise final : promise_base {
  static constexpr bool is_ref = std::is_reference_v<return_type>;
  using stored_type =
      std::conditional_t<is_ref, std::remove_reference_t<return_type> *,
                         std::remove_const_t<return_type>>;
  struct unset {};

  task<return_type> get_return_object() noexcept;
  template <typename V>
    requires std::is_constructible_v<return_type, V &&>
  void return_value(V &&value) {
    if constexpr (is_ref) {
      return_type ref = static_cast<V &&>(value);
      m_storage.template emplace<stored_type>(std::addressof(ref));
    } else {
      m_storage.template emplace<stored_type>(std::forward<V>(value));
    }
  }
  void unhandled_exception() noexcept {
    m_storage.template emplace<std::exception_ptr>(std::current_exception());
  }
  void check() const {
    if (std::holds_alternative<std::exception_ptr>(m_storage))
      std::rethrow_exception(std::get<std::exception_ptr>(m_storage));
    if (!std::holds_alternative<stored_type>(m_storage))
      throw std::runtime_error{"The return value was never set, did you "
                               "execute the coroutine?"};
  }
  decltype(auto) result() & {
    check();
    if constexpr (is_ref)
      return static_cast<return_type>(*std::get<stored_type>(m_storage));
    else
      return static_cast<const return_type &>(std::get<stored_type>(m_storage));
  }
  decltype(auto) result() && {
    check();
    if constexpr (is_ref)
      return static_cast<return_type>(*std::get<stored_type>(m_storage));
    else
      return static_cast<return_type &&>(std::get<stored_type>(m_storage));
  }

private:
  std::variant<unset, stored_type, std::exception_ptr> m_storage{};
};

template <> struct promise<void> : promise_base {
  task<void> get_return_object() noexcept;
  void return_void() noexcept {}
  void unhandled_exception() noexcept { m_exception = std::current_exception(); }
  void result() {
    if (m_exception)
      std::rethrow_exception(m_exception);
  }

private:
  std::exception_ptr m_exception{nullptr};
};
} // namespace detail

template <typename return_type> class [[nodiscard]] task {
public:
  using task_type = task<return_type>;
  using promise_type = detail::promise<return_type>;
  using coroutine_handle = std::coroutine_handle<promise_type>;

  struct awaitable_base {
    bool await_ready() const noexcept { return !m_coroutine || m_coroutine.done(); }
    std::coroutine_handle<> await_suspend(std::coroutine_handle<> c) noexcept {
      m_coroutine.promise().continuation(c);
      return m_coroutine;
    }
    coroutine_handle m_coroutine{nullptr};
  };

  task() noexcept = default;
  explicit task(coroutine_handle h) : m_coroutine(h) {}
  task(const task &) = delete;
  task(task &&o) noexcept : m_coroutine(std::exchange(o.m_coroutine, nullptr)) {}
  task &operator=(const task &) = delete;
  task &operator=(task &&o) noexcept {
    if (this != &o) {
      destroy();
      m_coroutine = std::exchange(o.m_coroutine, nullptr);
    }
    return *this;
  }
  ~task() { destroy(); }

  bool is_ready() const noexcept { return !m_coroutine || m_coroutine.done(); }
  bool resume() {
    if (!m_coroutine.done())
      m_coroutine.resume();
    return !m_coroutine.done();
  }
  bool destroy() {
    if (!m_coroutine)
      return false;
    m_coroutine.destroy();
    m_coroutine = nullptr;
    return true;
  }

  auto operator co_await() const & noexcept {
    struct awaitable : awaitable_base {
      decltype(auto) await_resume() { return this->m_coroutine.promise().result(); }
    };
    return awaitable{{m_coroutine}};
  }
  auto operator co_await() const && noexcept {
    struct awaitable : awaitable_base {
      decltype(auto) await_resume() {
        return std::move(this->m_coroutine.promise()).result();
      }
    };
    return awaitable{{m_coroutine}};
  }

  promise_type &promise() & { return m_coroutine.promise(); }
  const promise_type &promise() const & { return m_coroutine.promise(); }
  promise_type &&promise() && { return std::move(m_coroutine.promise()); }
  coroutine_handle handle() { return m_coroutine; }

private:
  coroutine_handle m_coroutine{nullptr};
};

namespace detail {
template <typename R> inline task<R> promise<R>::get_return_object() noexcept {
  return task<R>{std::coroutine_handle<promise<R>>::from_promise(*this)};
}
inline task<void> promise<void>::get_return_object() noexcept {
  return task<void>{std::coroutine_handle<promise<void>>::from_promise(*this)};
}
} // namespace detail
} // namespace coro

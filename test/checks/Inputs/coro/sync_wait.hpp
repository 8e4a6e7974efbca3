// Mock of libcoro's coro/sync_wait.hpp (jbaldwin/libcoro v0.16):
// sync_wait(awaitable) blocks until it completes and returns
// awaitable_traits<A>::awaiter_return_type (so int&& for a task<int> rvalue,
// valid until the end of the full-expression), rethrowing its exception.
// The mock drives the virtual-time loop instead of blocking.
#pragma once
#include "../mock_loop.hpp"
#include "coro/concepts/awaitable.hpp"
#include <exception>
#include <memory>
#include <type_traits>
#include <variant>

namespace coro {
namespace detail {
template <typename return_type> class sync_wait_task {
public:
  struct promise_type {
    static constexpr bool is_ref = std::is_reference_v<return_type>;
    using stored_type =
        std::conditional_t<is_ref, std::remove_reference_t<return_type> *,
                           std::remove_const_t<return_type>>;
    std::variant<std::monostate, stored_type, std::exception_ptr> storage;
    bool done = false;

    sync_wait_task get_return_object() noexcept {
      return sync_wait_task{std::coroutine_handle<promise_type>::from_promise(*this)};
    }
    std::suspend_always initial_suspend() noexcept { return {}; }
    auto final_suspend() noexcept {
      struct notifier {
        bool await_ready() const noexcept { return false; }
        void await_suspend(std::coroutine_handle<promise_type> h) const noexcept {
          h.promise().done = true;
        }
        void await_resume() noexcept {}
      };
      return notifier{};
    }
    template <typename V> void return_value(V &&value) {
      if constexpr (is_ref) {
        return_type ref = static_cast<V &&>(value);
        storage.template emplace<stored_type>(std::addressof(ref));
      } else {
        storage.template emplace<stored_type>(std::forward<V>(value));
      }
    }
    void unhandled_exception() noexcept {
      storage.template emplace<std::exception_ptr>(std::current_exception());
    }
    return_type result() {
      if (auto *e = std::get_if<std::exception_ptr>(&storage))
        std::rethrow_exception(*e);
      if constexpr (is_ref)
        return static_cast<return_type>(*std::get<stored_type>(storage));
      else
        return std::move(std::get<stored_type>(storage));
    }
  };
  explicit sync_wait_task(std::coroutine_handle<promise_type> h) : m_h(h) {}
  sync_wait_task(sync_wait_task &&o) noexcept : m_h(std::exchange(o.m_h, nullptr)) {}
  ~sync_wait_task() {
    if (m_h)
      m_h.destroy();
  }
  promise_type &promise() { return m_h.promise(); }
  void start() {
    m_h.resume();
    mock_loop::run_until([this] { return m_h.promise().done; });
  }

private:
  std::coroutine_handle<promise_type> m_h;
};

template <> struct sync_wait_task<void>::promise_type {
  std::exception_ptr error;
  bool done = false;
  sync_wait_task get_return_object() noexcept {
    return sync_wait_task{std::coroutine_handle<promise_type>::from_promise(*this)};
  }
  std::suspend_always initial_suspend() noexcept { return {}; }
  auto final_suspend() noexcept {
    struct notifier {
      bool await_ready() const noexcept { return false; }
      void await_suspend(std::coroutine_handle<promise_type> h) const noexcept {
        h.promise().done = true;
      }
      void await_resume() noexcept {}
    };
    return notifier{};
  }
  void return_void() noexcept {}
  void unhandled_exception() noexcept { error = std::current_exception(); }
  void result() {
    if (error)
      std::rethrow_exception(error);
  }
};

template <typename A, typename R>
sync_wait_task<R> make_sync_wait_task(A &&a) {
  if constexpr (std::is_void_v<R>)
    co_await std::forward<A>(a);
  else
    co_return co_await std::forward<A>(a);
}
} // namespace detail

template <concepts::awaitable awaitable_type,
          typename return_type = typename concepts::awaitable_traits<
              awaitable_type>::awaiter_return_type>
auto sync_wait(awaitable_type &&a) -> return_type {
  auto task = detail::make_sync_wait_task<awaitable_type, return_type>(
      std::forward<awaitable_type>(a));
  task.start();
  return task.promise().result();
}
} // namespace coro

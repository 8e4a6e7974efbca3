// Mock of libcoro's coro/when_all.hpp (jbaldwin/libcoro v0.16).
//   co_await coro::when_all(a, b, ...)  gives
//     std::tuple<coro::detail::when_all_task<R>...>&&   (R = what co_await of
//     the operand gives, e.g. int&& for a task<int> rvalue, void for task<>)
//   co_await coro::when_all(std::vector<task<T>>)  gives
//     std::vector<coro::detail::when_all_task<R>>&&
// It never throws: each element's return_value() gives the value (a
// coro::detail::void_value for void) or rethrows that operand's exception.
// Users unpack it as std::get<0>(results).return_value(). The operands start
// one after another on the awaiting thread; the awaiter resumes when the
// last one finishes.
#pragma once
#include "coro/concepts/awaitable.hpp"
#include "coro/detail/void_value.hpp"
#include <coroutine>
#include <cstddef>
#include <exception>
#include <memory>
#include <ranges>
#include <tuple>
#include <type_traits>
#include <utility>
#include <vector>

namespace coro {
namespace detail {
class when_all_latch {
public:
  explicit when_all_latch(std::size_t count) noexcept : m_count(count + 1) {}
  bool is_ready() const noexcept { return m_awaiting && m_awaiting.done(); }
  bool try_await(std::coroutine_handle<> h) noexcept {
    m_awaiting = h;
    return --m_count > 0;
  }
  void notify_awaitable_completed() noexcept {
    if (--m_count == 0)
      m_awaiting.resume();
  }

private:
  std::size_t m_count;
  std::coroutine_handle<> m_awaiting{nullptr};
};

template <typename return_type> class when_all_task;

template <typename return_type> class when_all_task_promise {
public:
  using handle = std::coroutine_handle<when_all_task_promise>;
  handle get_return_object() noexcept { return handle::from_promise(*this); }
  std::suspend_always initial_suspend() noexcept { return {}; }
  auto final_suspend() noexcept {
    struct notifier {
      bool await_ready() const noexcept { return false; }
      void await_suspend(handle h) const noexcept {
        h.promise().m_latch->notify_awaitable_completed();
      }
      void await_resume() const noexcept {}
    };
    return notifier{};
  }
  void unhandled_exception() noexcept { m_exception = std::current_exception(); }
  // The value stays alive in the suspended frame: only its address is kept.
  auto yield_value(return_type &&value) noexcept {
    m_value = std::addressof(value);
    return final_suspend();
  }
  void return_void() noexcept {}
  void start(when_all_latch &latch) {
    m_latch = &latch;
    handle::from_promise(*this).resume();
  }
  return_type &result() & {
    rethrow();
    return *m_value;
  }
  return_type &&result() && {
    rethrow();
    return std::move(*m_value);
  }

private:
  void rethrow() {
    if (m_exception)
      std::rethrow_exception(m_exception);
  }
  when_all_latch *m_latch{nullptr};
  std::exception_ptr m_exception;
  std::add_pointer_t<return_type> m_value{nullptr};
};

template <> class when_all_task_promise<void> {
public:
  using handle = std::coroutine_handle<when_all_task_promise>;
  handle get_return_object() noexcept { return handle::from_promise(*this); }
  std::suspend_always initial_suspend() noexcept { return {}; }
  auto final_suspend() noexcept {
    struct notifier {
      bool await_ready() const noexcept { return false; }
      void await_suspend(handle h) const noexcept {
        h.promise().m_latch->notify_awaitable_completed();
      }
      void await_resume() const noexcept {}
    };
    return notifier{};
  }
  void unhandled_exception() noexcept { m_exception = std::current_exception(); }
  void return_void() noexcept {}
  void start(when_all_latch &latch) {
    m_latch = &latch;
    handle::from_promise(*this).resume();
  }
  void result() {
    if (m_exception)
      std::rethrow_exception(m_exception);
  }

private:
  when_all_latch *m_latch{nullptr};
  std::exception_ptr m_exception;
};

template <typename return_type> class when_all_task {
public:
  template <typename> friend class when_all_ready_awaitable;
  using promise_type = when_all_task_promise<return_type>;
  using coroutine_handle_type = typename promise_type::handle;

  when_all_task(coroutine_handle_type h) noexcept : m_coroutine(h) {}
  when_all_task(const when_all_task &) = delete;
  when_all_task(when_all_task &&o) noexcept
      : m_coroutine(std::exchange(o.m_coroutine, nullptr)) {}
  ~when_all_task() {
    if (m_coroutine)
      m_coroutine.destroy();
  }

  decltype(auto) return_value() & {
    if constexpr (std::is_void_v<return_type>) {
      m_coroutine.promise().result();
      return void_value{};
    } else {
      return m_coroutine.promise().result();
    }
  }
  decltype(auto) return_value() && {
    if constexpr (std::is_void_v<return_type>) {
      m_coroutine.promise().result();
      return void_value{};
    } else {
      return std::move(m_coroutine.promise()).result();
    }
  }

private:
  void start(when_all_latch &latch) { m_coroutine.promise().start(latch); }
  coroutine_handle_type m_coroutine;
};

template <typename container> class when_all_ready_awaitable {
public:
  explicit when_all_ready_awaitable(container &&tasks)
      : m_latch(std::tuple_size_v<container>), m_tasks(std::move(tasks)) {}
  when_all_ready_awaitable(when_all_ready_awaitable &&) = default;

  auto operator co_await() & noexcept { return awaiter<container &>{*this}; }
  auto operator co_await() && noexcept { return awaiter<container &&>{*this}; }

private:
  template <typename result_type> struct awaiter {
    when_all_ready_awaitable &self;
    bool await_ready() const noexcept { return self.m_latch.is_ready(); }
    bool await_suspend(std::coroutine_handle<> h) {
      std::apply([this](auto &...t) { (t.start(self.m_latch), ...); }, self.m_tasks);
      return self.m_latch.try_await(h);
    }
    result_type await_resume() noexcept { return static_cast<result_type>(self.m_tasks); }
  };
  when_all_latch m_latch;
  container m_tasks;
};

template <typename T> class when_all_ready_awaitable<std::vector<T>> {
public:
  explicit when_all_ready_awaitable(std::vector<T> &&tasks)
      : m_latch(tasks.size()), m_tasks(std::move(tasks)) {}
  when_all_ready_awaitable(when_all_ready_awaitable &&) = default;

  auto operator co_await() & noexcept { return awaiter<std::vector<T> &>{*this}; }
  auto operator co_await() && noexcept { return awaiter<std::vector<T> &&>{*this}; }

private:
  template <typename result_type> struct awaiter {
    when_all_ready_awaitable &self;
    bool await_ready() const noexcept { return self.m_latch.is_ready(); }
    bool await_suspend(std::coroutine_handle<> h) {
      for (auto &t : self.m_tasks)
        t.start(self.m_latch);
      return self.m_latch.try_await(h);
    }
    result_type await_resume() noexcept { return static_cast<result_type>(self.m_tasks); }
  };
  when_all_latch m_latch;
  std::vector<T> m_tasks;
};

template <concepts::awaitable A,
          typename R = typename concepts::awaitable_traits<A &&>::awaiter_return_type>
when_all_task<R> make_when_all_task(A a) {
  if constexpr (std::is_void_v<R>)
    co_await static_cast<A &&>(a);
  else
    co_yield co_await static_cast<A &&>(a);
}
} // namespace detail

template <concepts::awaitable... awaitables_type>
[[nodiscard]] auto when_all(awaitables_type... awaitables) {
  return detail::when_all_ready_awaitable<std::tuple<detail::when_all_task<
      typename concepts::awaitable_traits<awaitables_type>::awaiter_return_type>...>>(
      std::make_tuple(detail::make_when_all_task(std::move(awaitables))...));
}

template <std::ranges::range range_type,
          concepts::awaitable awaitable_type = std::ranges::range_value_t<range_type>,
          typename return_type =
              typename concepts::awaitable_traits<awaitable_type>::awaiter_return_type>
[[nodiscard]] auto when_all(range_type awaitables)
    -> detail::when_all_ready_awaitable<std::vector<detail::when_all_task<return_type>>> {
  std::vector<detail::when_all_task<return_type>> tasks;
  for (auto &&a : awaitables)
    tasks.emplace_back(detail::make_when_all_task(std::move(a)));
  return detail::when_all_ready_awaitable<std::vector<detail::when_all_task<return_type>>>(
      std::move(tasks));
}
} // namespace coro

// Mock of seastar/core/future.hh (scylladb/seastar, API level 9), runnable.
// future<T> is the result of work that has already started: a future-
// returning function runs at its call (a coroutine's promise comes from the
// std::coroutine_traits specialisation in seastar/core/coroutine.hh, whose
// initial_suspend is std::suspend_never; future<T>::promise_type is
// seastar::promise<T>, not a coroutine promise). future<> is future<void>.
//   f.get()  -> value_type&& (T, or internal::monostate for future<>); waits
//              (in the mock: runs the virtual-time loop) and rethrows.
//   then / then_wrapped / then_unpack / finally / handle_exception /
//   discard_result chain continuations. A discarded future keeps running
//   ("(void)f();" detaches); a failed one nobody looked at is reported on
//   stderr when dropped, as seastar logs "Exceptional future ignored".
#pragma once
#include "../../mock_loop.hpp"
#include <cstdio>
#include <exception>
#include <functional>
#include <memory>
#include <optional>
#include <stdexcept>
#include <tuple>
#include <type_traits>
#include <utility>

namespace seastar {
template <class T = void> class promise;
template <class T = void> class future;

namespace internal {
struct monostate {};
template <typename T>
using future_stored_type_t = std::conditional_t<std::is_void_v<T>, monostate, T>;
template <typename T>
using future_tuple_type_t =
    std::conditional_t<std::is_same_v<T, monostate>, std::tuple<>, std::tuple<T>>;

template <typename T> struct future_state {
  std::optional<future_stored_type_t<T>> value;
  std::exception_ptr error;
  bool error_seen = false;
  mock_loop::work continuation;
  bool available() const noexcept { return value.has_value() || error; }
  void resolved() {
    if (continuation)
      mock_loop::post(std::move(continuation));
  }
  ~future_state() {
    if (error && !error_seen) {
      try {
        std::rethrow_exception(error);
      } catch (const std::exception &e) {
        std::fprintf(stderr, "WARN: Exceptional future ignored: %s\n", e.what());
      } catch (...) {
        std::fprintf(stderr, "WARN: Exceptional future ignored\n");
      }
    }
  }
};
} // namespace internal

class broken_promise : public std::logic_error {
public:
  broken_promise() : std::logic_error("broken promise") {}
};

template <typename T> struct is_future : std::false_type {};
template <typename T> struct is_future<future<T>> : std::true_type {};

template <typename T> struct futurize {
  using type = future<T>;
  using promise_type = promise<T>;
  using value_type = internal::future_stored_type_t<T>;
};
template <typename T> struct futurize<future<T>> : futurize<T> {};
template <typename T> using futurize_t = typename futurize<T>::type;

template <typename T = void, typename... A> future<T> make_ready_future(A &&...value) noexcept;
template <typename T = void> future<T> make_exception_future(std::exception_ptr ex) noexcept;
namespace internal {
template <typename F> struct future_arg;
template <typename U> struct future_arg<future<U>> {
  using type = U;
};
} // namespace internal
template <typename T = void, typename Exception>
  requires(!std::is_same_v<std::decay_t<Exception>, std::exception_ptr>)
future<T> make_exception_future(Exception &&ex) noexcept {
  return make_exception_future<T>(std::make_exception_ptr(std::forward<Exception>(ex)));
}

/// Calls func(args...) and gives its result as a future: a thrown exception
/// becomes a failed future.
template <typename Func, typename... Args>
auto futurize_invoke(Func &&func, Args &&...args) noexcept
    -> futurize_t<std::invoke_result_t<Func, Args...>>;

template <class T> class promise {
  using state = internal::future_state<T>;

public:
  promise() : _state(std::make_shared<state>()) {}
  promise(promise &&) noexcept = default;
  promise &operator=(promise &&) noexcept = default;
  promise(const promise &) = delete;
  ~promise() {
    if (_state && _future_taken && !_state->available())
      set_exception(std::make_exception_ptr(broken_promise{}));
  }
  future<T> get_future() noexcept {
    _future_taken = true;
    return future<T>(_state);
  }
  template <typename... A> void set_value(A &&...a) noexcept {
    if constexpr (std::is_void_v<T>)
      _state->value.emplace();
    else
      _state->value.emplace(std::forward<A>(a)...);
    _state->resolved();
  }
  void set_exception(std::exception_ptr ex) noexcept {
    _state->error = std::move(ex);
    _state->resolved();
  }
  template <typename Exception> void set_exception(Exception &&e) noexcept {
    set_exception(std::make_exception_ptr(std::forward<Exception>(e)));
  }

private:
  std::shared_ptr<state> _state;
  bool _future_taken = false;
};

template <typename T> class [[nodiscard]] future {
  using state = internal::future_state<T>;
  template <typename> friend class promise;
  template <typename> friend class future;
  template <typename U, typename... A> friend future<U> make_ready_future(A &&...) noexcept;
  template <typename U> friend future<U> make_exception_future(std::exception_ptr) noexcept;
  explicit future(std::shared_ptr<state> s) noexcept : _state(std::move(s)) {}

public:
  using value_type = internal::future_stored_type_t<T>;
  using tuple_type = internal::future_tuple_type_t<value_type>;
  using promise_type = promise<T>;

  future(future &&x) noexcept = default;
  future &operator=(future &&x) noexcept = default;
  future(const future &) = delete;
  void operator=(const future &) = delete;

  bool available() const noexcept { return _state->available(); }
  bool failed() const noexcept { return _state->error != nullptr; }
  /// Waits (runs the mock loop) until available; rethrows a failure.
  value_type &&get() {
    wait();
    if (_state->error) {
      _state->error_seen = true;
      std::rethrow_exception(_state->error);
    }
    return std::move(*_state->value);
  }
  void wait() noexcept {
    mock_loop::run_until([this] { return available(); });
  }
  std::exception_ptr get_exception() noexcept {
    _state->error_seen = true;
    return _state->error;
  }
  void ignore_ready_future() noexcept { _state->error_seen = true; }

  /// func(value) (func() for future<>) once this succeeds.
  template <typename Func> auto then(Func &&func) noexcept {
    if constexpr (std::is_void_v<T>)
      return then_wrapped([func = std::forward<Func>(func)](future f) mutable {
        f.get();
        return func();
      });
    else
      return then_wrapped([func = std::forward<Func>(func)](future f) mutable {
        return func(std::move(f.get()));
      });
  }
  template <typename Func> auto then_unpack(Func &&func) noexcept {
    return then([func = std::forward<Func>(func)](T &&tuple) mutable {
      return std::apply(func, std::move(tuple));
    });
  }
  /// func(future) once this is available, failed or not.
  template <typename Func> auto then_wrapped(Func &&func) noexcept {
    using R = futurize_t<std::invoke_result_t<Func, future>>;
    typename R::promise_type pr;
    R result = pr.get_future();
    auto st = _state;
    on_available(st, [self = std::move(*this), func = std::forward<Func>(func),
                  pr = std::move(pr)]() mutable {
      futurize_invoke(std::move(func), std::move(self)).forward_to(std::move(pr));
    });
    return result;
  }
  template <typename Func> future<T> finally(Func &&func) noexcept {
    return then_wrapped([func = std::forward<Func>(func)](future f) mutable {
      return futurize_invoke(func).then_wrapped([f = std::move(f)](auto g) mutable {
        g.get();
        return std::move(f);
      });
    });
  }
  template <typename Func> future<T> handle_exception(Func &&func) noexcept {
    return then_wrapped([func = std::forward<Func>(func)](future f) mutable -> future<T> {
      if (!f.failed())
        return f;
      return futurize_invoke(func, f.get_exception());
    });
  }
  future<> discard_result() noexcept {
    return then_wrapped([](future f) { f.get(); });
  }
  void forward_to(promise<T> &&pr) noexcept {
    auto st = _state;
    on_available(st, [self = std::move(*this), pr = std::move(pr)]() mutable {
      if (self.failed())
        pr.set_exception(self.get_exception());
      else if constexpr (std::is_void_v<T>)
        pr.set_value();
      else
        pr.set_value(std::move(self.get()));
    });
  }

  /// Mock internals: runs w now if available, else when it resolves.
  void on_available(mock_loop::work w) { on_available(_state, std::move(w)); }

private:
  static void on_available(const std::shared_ptr<state> &st, mock_loop::work w) {
    if (st->available())
      w();
    else
      st->continuation = std::move(w);
  }

  std::shared_ptr<state> _state;
};

template <typename T, typename... A> future<T> make_ready_future(A &&...value) noexcept {
  auto s = std::make_shared<internal::future_state<T>>();
  if constexpr (std::is_void_v<T>)
    s->value.emplace();
  else
    s->value.emplace(std::forward<A>(value)...);
  return future<T>(std::move(s));
}
template <typename T> future<T> make_exception_future(std::exception_ptr ex) noexcept {
  auto s = std::make_shared<internal::future_state<T>>();
  s->error = std::move(ex);
  return future<T>(std::move(s));
}
template <typename Func, typename... Args>
auto futurize_invoke(Func &&func, Args &&...args) noexcept
    -> futurize_t<std::invoke_result_t<Func, Args...>> {
  using R = std::invoke_result_t<Func, Args...>;
  using F = futurize_t<R>;
  try {
    if constexpr (is_future<R>::value) {
      return std::invoke(std::forward<Func>(func), std::forward<Args>(args)...);
    } else if constexpr (std::is_void_v<R>) {
      std::invoke(std::forward<Func>(func), std::forward<Args>(args)...);
      return make_ready_future<>();
    } else {
      return make_ready_future<R>(std::invoke(std::forward<Func>(func), std::forward<Args>(args)...));
    }
  } catch (...) {
    return make_exception_future<typename internal::future_arg<F>::type>(std::current_exception());
  }
}

template <typename T> future<std::remove_cvref_t<T>> as_ready_future(T &&v) noexcept {
  return make_ready_future<std::remove_cvref_t<T>>(std::forward<T>(v));
}
template <typename T = void> future<T> current_exception_as_future() noexcept {
  return make_exception_future<T>(std::current_exception());
}
} // namespace seastar

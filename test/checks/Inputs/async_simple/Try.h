// Mock of async_simple/Try.h (alibaba/async_simple): a value, an exception
// or nothing. value() returns the value (T&, T&&, const T&) or rethrows;
// Try<void>::value() returns void or rethrows. Move-only.
#pragma once
#include "Unit.h"
#include <exception>
#include <functional>
#include <stdexcept>
#include <type_traits>
#include <utility>
#include <variant>

namespace async_simple {
template <typename T> class Try;
template <> class Try<void>;

template <typename T> class Try {
public:
  Try() = default;
  Try(Try &&) = default;
  Try &operator=(Try &&) = default;
  template <class... U>
    requires std::is_constructible_v<T, U...>
  Try(U &&...value) : _value(std::in_place_type<T>, std::forward<U>(value)...) {}
  Try(std::exception_ptr error) : _value(error) {}
  Try &operator=(std::exception_ptr error) {
    _value.template emplace<std::exception_ptr>(error);
    return *this;
  }
  Try(const Try &) = delete;
  Try &operator=(const Try &) = delete;

  constexpr bool available() const noexcept {
    return !std::holds_alternative<std::monostate>(_value);
  }
  constexpr bool hasError() const noexcept {
    return std::holds_alternative<std::exception_ptr>(_value);
  }
  const T &value() const & {
    check();
    return std::get<T>(_value);
  }
  T &value() & {
    check();
    return std::get<T>(_value);
  }
  T &&value() && {
    check();
    return std::move(std::get<T>(_value));
  }
  template <class... Args> T &emplace(Args &&...args) {
    return _value.template emplace<T>(std::forward<Args>(args)...);
  }
  void setException(std::exception_ptr error) {
    _value.template emplace<std::exception_ptr>(error);
  }
  std::exception_ptr getException() const {
    if (!hasError())
      throw std::logic_error("Try object do not has an error");
    return std::get<std::exception_ptr>(_value);
  }

private:
  void check() const {
    if (std::holds_alternative<std::exception_ptr>(_value))
      std::rethrow_exception(std::get<std::exception_ptr>(_value));
    if (std::holds_alternative<std::monostate>(_value))
      throw std::logic_error("Try object is empty");
  }
  std::variant<std::monostate, T, std::exception_ptr> _value;
};

template <> class Try<void> {
public:
  Try() {}
  Try(std::exception_ptr error) : _error(error) {}
  Try(Try &&other) : _error(std::move(other._error)) {}
  Try &operator=(Try &&other) {
    if (this != &other)
      std::swap(_error, other._error);
    return *this;
  }
  Try &operator=(std::exception_ptr error) {
    _error = error;
    return *this;
  }
  void value() {
    if (_error)
      std::rethrow_exception(_error);
  }
  bool hasError() const { return _error.operator bool(); }
  void setException(std::exception_ptr error) { _error = error; }
  std::exception_ptr getException() const { return _error; }

private:
  std::exception_ptr _error;
};

template <class T> Try(T) -> Try<T>;

template <typename F, typename... Args> auto makeTryCall(F &&f, Args &&...args) {
  using T = std::invoke_result_t<F, Args...>;
  try {
    if constexpr (std::is_void_v<T>) {
      std::invoke(std::forward<F>(f), std::forward<Args>(args)...);
      return Try<void>();
    } else {
      return Try<T>(std::invoke(std::forward<F>(f), std::forward<Args>(args)...));
    }
  } catch (...) {
    return Try<T>(std::current_exception());
  }
}
} // namespace async_simple

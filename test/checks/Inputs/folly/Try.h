// Mock of folly/Try.h for the check tests: a value or an exception.
// value() returns the value or rethrows the exception. Syntax-only mock.
#pragma once

namespace folly {
template <typename T> class Try {
public:
  T &value() &;
  const T &value() const &;
  T value() &&;
  bool hasValue() const;
  bool hasException() const;
};
template <> class Try<void> {
public:
  void value() const &;
  void value() &&;
  bool hasValue() const;
  bool hasException() const;
};
} // namespace folly

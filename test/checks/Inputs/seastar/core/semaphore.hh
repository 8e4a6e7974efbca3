// Mock of seastar/core/semaphore.hh (scylladb/seastar), runnable:
//   co_await sem.wait(n) / sem.signal(n)
//   auto units = co_await get_units(sem, n);   // semaphore_units, returned on destruction
//   co_await with_semaphore(sem, n, func)      // futurize_t<result of func>
// Waiters are served in arrival order.
#pragma once
#include "future.hh"
#include "timer.hh"
#include <cstddef>
#include <deque>
#include <exception>
#include <limits>
#include <optional>
#include <sys/types.h>
#include <stdexcept>
#include <utility>

namespace seastar {
class broken_semaphore : public std::exception {
public:
  const char *what() const noexcept override { return "Semaphore broken"; }
};
struct semaphore_default_exception_factory {
  static broken_semaphore broken() noexcept { return {}; }
};

template <typename ExceptionFactory, typename Clock = steady_clock_type>
class basic_semaphore : private ExceptionFactory {
public:
  using duration = typename Clock::duration;
  using time_point = typename Clock::time_point;
  using exception_factory = ExceptionFactory;
  static constexpr size_t max_counter() noexcept { return std::numeric_limits<ssize_t>::max(); }

  basic_semaphore(size_t count) noexcept : _count(static_cast<ssize_t>(count)) {}
  basic_semaphore(const basic_semaphore &) = delete;

  future<> wait(size_t nr = 1) noexcept {
    if (_broken)
      return make_exception_future<>(_broken);
    if (_wait_list.empty() && _count >= static_cast<ssize_t>(nr)) {
      _count -= static_cast<ssize_t>(nr);
      return make_ready_future<>();
    }
    _wait_list.push_back(entry{promise<>(), nr});
    return _wait_list.back().pr.get_future();
  }
  void signal(size_t nr = 1) noexcept {
    _count += static_cast<ssize_t>(nr);
    while (!_wait_list.empty() && _count >= static_cast<ssize_t>(_wait_list.front().nr)) {
      _count -= static_cast<ssize_t>(_wait_list.front().nr);
      _wait_list.front().pr.set_value();
      _wait_list.pop_front();
    }
  }
  void consume(size_t nr = 1) noexcept { _count -= static_cast<ssize_t>(nr); }
  bool try_wait(size_t nr = 1) noexcept {
    if (!_wait_list.empty() || _count < static_cast<ssize_t>(nr))
      return false;
    _count -= static_cast<ssize_t>(nr);
    return true;
  }
  size_t current() const noexcept { return _count > 0 ? static_cast<size_t>(_count) : 0; }
  ssize_t available_units() const noexcept { return _count; }
  size_t waiters() const noexcept { return _wait_list.size(); }
  void broken() noexcept { broken(std::make_exception_ptr(ExceptionFactory::broken())); }
  void broken(std::exception_ptr ex) noexcept {
    _broken = ex;
    for (auto &e : _wait_list)
      e.pr.set_exception(ex);
    _wait_list.clear();
  }

private:
  struct entry {
    promise<> pr;
    size_t nr;
  };
  ssize_t _count;
  std::exception_ptr _broken;
  std::deque<entry> _wait_list;
};

template <typename ExceptionFactory = semaphore_default_exception_factory,
          typename Clock = steady_clock_type>
class semaphore_units {
  basic_semaphore<ExceptionFactory, Clock> *_sem;
  size_t _n;

public:
  semaphore_units() noexcept : _sem(nullptr), _n(0) {}
  semaphore_units(basic_semaphore<ExceptionFactory, Clock> &sem, size_t n) noexcept
      : _sem(&sem), _n(n) {}
  semaphore_units(semaphore_units &&o) noexcept : _sem(o._sem), _n(std::exchange(o._n, 0)) {}
  semaphore_units &operator=(semaphore_units &&o) noexcept {
    return_all();
    _sem = o._sem;
    _n = std::exchange(o._n, 0);
    return *this;
  }
  semaphore_units(const semaphore_units &) = delete;
  ~semaphore_units() noexcept { return_all(); }
  size_t return_units(size_t units) {
    _n -= units;
    _sem->signal(units);
    return _n;
  }
  void return_all() noexcept {
    if (_n && _sem)
      _sem->signal(std::exchange(_n, 0));
  }
  size_t release() noexcept { return std::exchange(_n, 0); }
  size_t count() const noexcept { return _n; }
  explicit operator bool() const noexcept { return _n != 0; }
};

template <typename ExceptionFactory, typename Clock = steady_clock_type>
future<semaphore_units<ExceptionFactory, Clock>>
get_units(basic_semaphore<ExceptionFactory, Clock> &sem, size_t units) noexcept {
  return sem.wait(units).then([&sem, units] { return semaphore_units<ExceptionFactory, Clock>{sem, units}; });
}
template <typename ExceptionFactory, typename Clock = steady_clock_type>
std::optional<semaphore_units<ExceptionFactory, Clock>>
try_get_units(basic_semaphore<ExceptionFactory, Clock> &sem, size_t units) noexcept {
  if (!sem.try_wait(units))
    return std::nullopt;
  return std::make_optional<semaphore_units<ExceptionFactory, Clock>>(sem, units);
}
template <typename ExceptionFactory, typename Clock = steady_clock_type>
semaphore_units<ExceptionFactory, Clock> consume_units(basic_semaphore<ExceptionFactory, Clock> &sem,
                                                       size_t units) noexcept {
  sem.consume(units);
  return semaphore_units<ExceptionFactory, Clock>{sem, units};
}
template <typename ExceptionFactory, typename Func, typename Clock = steady_clock_type>
inline futurize_t<std::invoke_result_t<Func>>
with_semaphore(basic_semaphore<ExceptionFactory, Clock> &sem, size_t units, Func &&func) noexcept {
  return get_units(sem, units).then([func = std::forward<Func>(func)](auto units) mutable {
    return futurize_invoke(std::forward<Func>(func)).finally([units = std::move(units)] {});
  });
}

using semaphore = basic_semaphore<semaphore_default_exception_factory>;
} // namespace seastar

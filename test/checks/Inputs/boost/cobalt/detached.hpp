// Mock of boost/cobalt/detached.hpp: a coroutine returning cobalt::detached
// runs eagerly and nobody awaits it.
#pragma once
#include "detail/mock.hpp"
#include <coroutine>
#include <exception>

namespace boost::cobalt {
struct detached;
namespace detail {
struct detached_promise : promise_base {
  detached get_return_object();
  std::suspend_never initial_suspend() noexcept { return {}; }
  std::suspend_never final_suspend() noexcept { return {}; }
  void return_void() noexcept {}
  void unhandled_exception() { throw; }
};
} // namespace detail
struct detached {
  using promise_type = detail::detached_promise;
};
inline detached detail::detached_promise::get_return_object() { return {}; }
} // namespace boost::cobalt

// Mock of boost/cobalt/run.hpp: run(task<T>) -> T runs the task to the end
// on a fresh event loop (the mock's virtual-time loop) and returns its
// value or rethrows.
#pragma once
#include "../../mock_loop.hpp"
#include "detail/mock.hpp"
#include "task.hpp"
#include <exception>
#include <optional>
#include <type_traits>

namespace boost::cobalt {
template <typename T> T run(task<T> t) {
  std::optional<detail::void_as_monostate<T>> value;
  std::exception_ptr error;
  bool done = false;
  detail::await_into(std::move(t), [&](auto &&...v) { value.emplace(std::forward<decltype(v)>(v)...); },
                     [&](std::exception_ptr ep) {
                       error = ep;
                       done = true;
                     });
  mock_loop::run_until([&] { return done; });
  if (error)
    std::rethrow_exception(error);
  if constexpr (!std::is_void_v<T>)
    return std::move(*value);
}
} // namespace boost::cobalt

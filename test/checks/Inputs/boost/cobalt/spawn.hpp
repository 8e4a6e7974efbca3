// Mock of boost/cobalt/spawn.hpp: spawn(executor_or_context, task, token)
// starts a cobalt::task on the executor and calls token(std::exception_ptr,
// T) (token(std::exception_ptr) for task<void>) when it is done; pass
// boost::asio::detached to drop the result.
#pragma once
#include "../../mock_loop.hpp"
#include "detail/mock.hpp"
#include "task.hpp"
#include <boost/asio/detached.hpp>
#include <exception>
#include <memory>
#include <optional>
#include <type_traits>
#include <utility>

namespace boost::cobalt {
template <typename ExecutorOrContext, typename T, typename CompletionToken>
void spawn(ExecutorOrContext &&, task<T> &&t, CompletionToken &&token) {
  auto owned = std::make_shared<task<T>>(std::move(t));
  mock_loop::post([owned, token = std::forward<CompletionToken>(token)]() mutable {
    auto value = std::make_shared<std::optional<detail::void_as_monostate<T>>>();
    detail::await_into(std::move(*owned), [value](auto &&...v) { value->emplace(std::forward<decltype(v)>(v)...); },
                       [owned, value, token = std::move(token)](std::exception_ptr ep) mutable {
                         if constexpr (std::is_same_v<std::decay_t<CompletionToken>, asio::detached_t>)
                           (void)ep, (void)token;
                         else if constexpr (std::is_void_v<T>)
                           token(ep);
                         else
                           token(ep, value->has_value() ? std::move(**value) : T{});
                       });
  });
}
} // namespace boost::cobalt

// Mock of boost/cobalt/this_coro.hpp: co_await cobalt::this_coro::executor
// (asio's tag, from Debian's Boost) gives the coroutine's executor.
#pragma once
#include "config.hpp"
#include <boost/asio/this_coro.hpp>

namespace boost::cobalt::this_coro {
using namespace asio::this_coro;
} // namespace boost::cobalt::this_coro

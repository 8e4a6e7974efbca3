// RUN: %check_async %s async-unhandled-rejection %t -- %asio_flags
// Negative: the spawned task is something the check cannot see into: a
// parameter, a member, a local assigned again, a task made by a function
// that is not a coroutine itself. Whether its body catches is unknown, so
// nothing is reported.
#include <asio.hpp>
#include <async_simple/coro/Lazy.h>
#include <coro/coro.hpp>
#include <utility>

asio::awaitable<void> session();
asio::awaitable<void> fallback() { co_await asio::post(asio::use_awaitable); }
asio::awaitable<void> make_session() { return fallback(); }

void spawn_given(asio::io_context &io, asio::awaitable<void> task) {
  asio::co_spawn(io, std::move(task), asio::detached);
  asio::co_spawn(io, make_session(), asio::detached);
}

void spawn_reassigned(asio::io_context &io, bool quick) {
  asio::awaitable<void> task = fallback();
  if (quick)
    task = session();
  asio::co_spawn(io, std::move(task), asio::detached);
}

struct Job {
  async_simple::coro::Lazy<void> lazy;
  coro::task<void> work;
  void run(async_simple::Executor *ex, coro::thread_pool &pool) {
    std::move(lazy).via(ex).detach();
    pool.spawn_detached(std::move(work));
  }
};

void start_param(async_simple::coro::Lazy<int> lazy) {
  lazy.start([](auto &&) {});
}

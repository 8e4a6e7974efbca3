// RUN: %check_async %s async-unhandled-rejection %t -- %asio_flags
// Negative: a detached coroutine whose awaits cannot fail: hops between
// executors (post, dispatch, defer complete without an error) around work
// whose I/O errors come back as values. Error-code style servers move
// blocking work to a pool this way.
#include <asio.hpp>
#include <asio/experimental/as_tuple.hpp>
#include <iostream>

asio::awaitable<asio::any_io_executor> to_pool(asio::io_context &pool) {
  co_await asio::post(asio::bind_executor(pool.get_executor(), asio::use_awaitable));
  co_return pool.get_executor();
}

asio::awaitable<void> back_to(asio::any_io_executor home) {
  co_await asio::dispatch(asio::bind_executor(home, asio::use_awaitable));
}

asio::awaitable<void> resolve_names(asio::io_context &pool,
                                    asio::any_io_executor home) {
  auto executor = co_await to_pool(pool);
  asio::ip::tcp::resolver resolver(executor);
  auto [ec, results] = co_await resolver.async_resolve(
      "localhost", "80", asio::experimental::as_tuple(asio::use_awaitable));
  co_await back_to(home);
  co_await asio::defer(asio::use_awaitable);
  if (ec)
    std::cerr << "resolve: " << ec.message() << "\n";
  else
    std::cout << results.size() << " addresses\n";
}

void start(asio::io_context &io, asio::io_context &pool) {
  asio::co_spawn(io, resolve_names(pool, io.get_executor()), asio::detached);
}

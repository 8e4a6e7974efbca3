// RUN: %check_async %s async-unhandled-rejection %t -- %asio_flags
// Negative: co_spawn with a token that keeps the outcome: use_future (the
// future rethrows in get()), use_awaitable (the awaiting coroutine
// rethrows), and a token the check does not see into (a handler bound to a
// strand).
#include <asio.hpp>
#include <future>
#include <stdexcept>

asio::awaitable<int> compute(int x) {
  co_await asio::post(asio::use_awaitable);
  if (x < 0)
    throw std::domain_error("negative");
  co_return x * 2;
}

asio::awaitable<int> outer(asio::io_context &io) {
  int a = co_await asio::co_spawn(io, compute(1), asio::use_awaitable);
  co_return a;
}

int serve() {
  asio::io_context io;
  std::future<int> result = asio::co_spawn(io, compute(2), asio::use_future);
  asio::co_spawn(io, outer(io), asio::use_future);
  auto strand = asio::make_strand(io);
  asio::co_spawn(strand, compute(3), asio::bind_executor(strand, [](std::exception_ptr, int) {}));
  io.run();
  return result.get() == 4 ? 0 : 1;
}

// RUN: %check_async %s async-unhandled-rejection %t -- %asio_flags
// Negative: co_spawn with a completion handler that looks at its
// std::exception_ptr (logs it, rethrows it, passes it on), as a lambda or a
// function defined in the file.
#include <asio.hpp>
#include <cstdio>
#include <exception>
#include <stdexcept>

asio::awaitable<int> fetch(int id) {
  co_await asio::post(asio::use_awaitable);
  if (id < 0)
    throw std::invalid_argument("id");
  co_return id;
}

void report_failure(std::exception_ptr error) {
  try {
    if (error)
      std::rethrow_exception(error);
  } catch (const std::exception &e) {
    std::fprintf(stderr, "failed: %s\n", e.what());
  }
}

void store_error(std::exception_ptr error, int value, std::exception_ptr &slot) {
  slot = error;
  (void)value;
}

void start(asio::io_context &io, std::exception_ptr &last_error) {
  asio::co_spawn(io, fetch(1), [](std::exception_ptr error, int value) {
    if (error)
      std::puts("fetch failed");
    else
      std::printf("fetched %d\n", value);
  });
  asio::co_spawn(io, fetch(2), [&](std::exception_ptr error, int value) {
    store_error(error, value, last_error);
  });
  asio::co_spawn(io, fetch(3), [](std::exception_ptr e, int) {
    if (e)
      std::rethrow_exception(e);
  });
  asio::co_spawn(
      io, []() -> asio::awaitable<void> { co_await fetch(4); },
      report_failure);
  asio::co_spawn(io, fetch(5), [](auto error, int) { report_failure(error); });
}

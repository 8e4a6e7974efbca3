// RUN: %check_async %s async-unhandled-rejection %t -- %asio_flags
// Negative: a co_spawn in a template whose task depends on the template
// parameter (checked once, not per instantiation, and its type is unknown
// there), and one written by a macro.
#include <asio.hpp>

asio::awaitable<void> session(int id) {
  co_await asio::post(asio::use_awaitable);
  (void)id;
}

template <typename Factory> void spawn_all(asio::io_context &io, Factory make) {
  for (int i = 0; i < 3; ++i)
    asio::co_spawn(io, make(i), asio::detached);
}

#define SPAWN_DETACHED(io, task) asio::co_spawn(io, task, asio::detached)

void start(asio::io_context &io) {
  spawn_all(io, [](int id) { return session(id); });
  SPAWN_DETACHED(io, session(4));
}

// RUN: %check_async %s async-unhandled-rejection %t
// Negative: detached tasks (libcoro, Boost.Cobalt, async_simple) whose
// bodies cannot let an exception out: every statement that may throw is in
// a try with catch (...) or catch (const std::exception &) whose handler
// does not rethrow, or calls only noexcept functions.
#include <async_simple/coro/Lazy.h>
#include <boost/cobalt.hpp>
#include <boost/cobalt/io/sleep.hpp>
#include <coro/coro.hpp>
#include <cstdio>
#include <exception>
#include <stdexcept>

void count_event() noexcept;
void write_row(int id);

coro::task<void> persist(int id) {
  const int attempts = 3;
  for (int i = 0; i < attempts; ++i) {
    try {
      write_row(id);
      co_return;
    } catch (const std::exception &e) {
      std::fprintf(stderr, "persist %d: %s\n", id, e.what());
    }
  }
}

coro::task<void> tick() {
  count_event();
  co_return;
}

boost::cobalt::task<void> publish(int topic) {
  try {
    co_await boost::cobalt::io::sleep(std::chrono::milliseconds(topic));
    write_row(topic);
  } catch (...) {
    count_event();
  }
}

boost::cobalt::promise<int> prefetch(int id) {
  int value = 0;
  try {
    write_row(id);
    value = id;
  } catch (const std::runtime_error &) {
    value = -1;
  } catch (...) {
    value = -2;
  }
  co_return value;
}

async_simple::coro::Lazy<void> refresh() {
  try {
    write_row(0);
  } catch (...) {
  }
  co_return;
}

void start(coro::thread_pool &pool, async_simple::Executor *ex) {
  pool.spawn_detached(persist(1));
  pool.spawn_detached(tick());
  boost::cobalt::spawn(boost::cobalt::this_thread::get_executor(), publish(2),
                       boost::asio::detached);
  +prefetch(3);
  refresh().via(ex).detach();
  refresh().start([](auto &&) {});
}

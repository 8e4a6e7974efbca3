// RUN: %check_async %s async-unhandled-rejection %t -- %asio_flags
// Negative: coroutines declared but defined in another translation unit:
// their bodies may well catch, so nothing is reported.
#include <asio.hpp>
#include <async_simple/coro/Lazy.h>
#include <boost/cobalt.hpp>
#include <coro/coro.hpp>

asio::awaitable<void> session(asio::ip::tcp::socket socket);
async_simple::coro::Lazy<void> refresh(int id);
coro::task<void> warm(int key);
boost::cobalt::task<void> publish(int topic);
struct Handler {
  asio::awaitable<void> serve();
};

void start(asio::io_context &io, asio::ip::tcp::socket socket, Handler &h,
           async_simple::Executor *ex, coro::thread_pool &pool) {
  asio::co_spawn(io, session(std::move(socket)), asio::detached);
  asio::co_spawn(io, h.serve(), asio::detached);
  refresh(1).via(ex).detach();
  refresh(2).start([](auto &&) {});
  pool.spawn_detached(warm(3));
  boost::cobalt::spawn(boost::cobalt::this_thread::get_executor(), publish(4),
                       boost::asio::detached);
}

// RUN: %check_async --fix-notes %s async-unhandled-rejection %t
// Boost.Cobalt: spawn(executor, task, boost::asio::detached) drops the
// task's exception as asio's co_spawn does (the note's fix passes a
// completion handler that rethrows); p.detach() detaches an eager promise,
// whose exception then nobody reads. `+p` is Cobalt's spelling of an
// intentional detach and is accepted like a cast to void.
#include <boost/cobalt.hpp>
#include <boost/cobalt/io/sleep.hpp>
#include <stdexcept>
#include <string>

namespace cobalt = boost::cobalt;

cobalt::task<void> publish(std::string topic) {
  co_await cobalt::io::sleep(std::chrono::milliseconds(10));
  if (topic.empty())
    throw std::invalid_argument("empty topic");
}

cobalt::promise<int> prefetch(int id) {
  co_await cobalt::io::sleep(std::chrono::milliseconds(10));
  co_return id;
}

void on_event(cobalt::executor exec, std::string topic) {
  cobalt::spawn(exec, publish(topic), boost::asio::detached);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'spawn' runs 'publish' detached, and 'publish' does not catch its exceptions: if it throws, no code observes the exception [async-unhandled-rejection]
  // CHECK-FIXES: {{^}}  cobalt::spawn(exec, publish(topic), [](std::exception_ptr e) { if (e) std::rethrow_exception(e); });{{$}}
  +prefetch(1); // Cobalt's explicit detach, accepted as `(void)` is
  auto pending = prefetch(2);
  pending.detach();
  // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: 'detach' runs 'prefetch' detached, and 'prefetch' does not catch its exceptions
}

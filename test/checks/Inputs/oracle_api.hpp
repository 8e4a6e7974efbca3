// Runnable programs for async-unhandled-rejection, with awl as the oracle.
// The same source runs with every backend call fulfilling or, built with
// -DAWAITLINT_ORACLE_REJECT (check_async.py does this for tests with an
// ORACLE line), rejecting; oracle::run counts the rejections that awl's
// tracker reports as unhandled and prints "unhandled rejections: N" (and
// the virtual time the run took, for RUN-AND-COMPARE tests).
#pragma once
#include <awl/awl.hpp>
#include <cstdio>
#include <exception>
#include <stdexcept>

namespace backend {

// A remote call that answers after delay_ms of virtual time.
inline awl::Promise<int> fetch(int id, int delay_ms = 10) {
  co_await awl::sleep(delay_ms);
#ifdef AWAITLINT_ORACLE_REJECT
  throw std::runtime_error("backend unavailable");
#else
  co_return id;
#endif
}

inline awl::Promise<void> store(int id, int delay_ms = 10) {
  co_await awl::sleep(delay_ms);
#ifdef AWAITLINT_ORACLE_REJECT
  throw std::runtime_error("backend unavailable");
#else
  (void)id;
#endif
}

} // namespace backend

namespace oracle {

// Runs start() on a virtual-time loop to the end. The entry promise's own
// outcome is handled here: only rejections lost inside the program count.
template <class Start> int run(Start &&start) {
  awl::EventLoop loop{awl::virtual_time};
  loop.set_unhandled_rejections(awl::UnhandledRejections::none);
  int unhandled = 0;
  loop.on_unhandled_rejection([&](const awl::RejectionEvent &) { ++unhandled; });
  start().then([](auto &&...) { std::printf("entry fulfilled\n"); },
               [](std::exception_ptr) { std::printf("entry rejected\n"); });
  loop.run();
  std::printf("elapsed %.0fms\n", loop.now());
  std::printf("unhandled rejections: %d\n", unhandled);
  return 0;
}

} // namespace oracle

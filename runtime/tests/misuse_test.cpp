// Misuse gets a clear error, never undefined behaviour.
#include "test_support.hpp"

#include <coroutine>
#include <memory>
#include <string>
#include <thread>
#include <type_traits>
#include <utility>
#include <vector>

namespace {

using awl::EventLoop;
using awl::Promise;
using awl_test::Deferred;
using awl_test::LiveCounter;
using awl_test::Tagged;

// Runs `body` and checks it throws E with `fragment` in what().
template <class E, class Body>
void expect_throw_containing(Body&& body, const std::string& fragment) {
  try {
    body();
    ADD_FAILURE() << "no exception; expected one containing: " << fragment;
  } catch (const E& error) {
    EXPECT_NE(std::string(error.what()).find(fragment), std::string::npos) << error.what();
  } catch (const std::exception& other) {
    ADD_FAILURE() << "wrong exception: " << other.what();
  }
}

Promise<int> async_function() { co_return 1; }

// -------------------------------------------------------- no loop on the thread

TEST(Misuse, AsyncFunctionWithoutALoop) {
  ASSERT_EQ(EventLoop::current(), nullptr);
  expect_throw_containing<awl::NoEventLoopError>(
      [] { async_function(); }, "calling an awl async function needs an awl::EventLoop on this thread");
}

TEST(Misuse, TimerAndMicrotaskFunctionsWithoutALoop) {
  ASSERT_EQ(EventLoop::current(), nullptr);
  expect_throw_containing<awl::NoEventLoopError>([] { awl::queue_microtask([] {}); },
                                                 "awl::queue_microtask needs an awl::EventLoop on this thread");
  expect_throw_containing<awl::NoEventLoopError>([] { awl::set_timeout([] {}, 1); },
                                                 "awl::set_timeout needs an awl::EventLoop");
  expect_throw_containing<awl::NoEventLoopError>([] { awl::set_interval([] {}, 1); },
                                                 "awl::set_interval needs an awl::EventLoop");
  expect_throw_containing<awl::NoEventLoopError>([] { awl::clear_timeout(1); }, "awl::clear_timeout");
  expect_throw_containing<awl::NoEventLoopError>([] { awl::clear_interval(1); }, "awl::clear_interval");
  expect_throw_containing<awl::NoEventLoopError>([] { awl::post([] {}); }, "awl::post(task)");
}

TEST(Misuse, NoLoopOnAnotherThreadEvenIfThisOneHasOne) {
  EventLoop loop;
  std::string message;
  std::thread([&] {
    try {
      awl::set_timeout([] {}, 1);
    } catch (const awl::NoEventLoopError& error) {
      message = error.what();
    }
  }).join();
  EXPECT_NE(message.find("awl::set_timeout"), std::string::npos) << message;
}

TEST(Misuse, PromiseOperationsThatNeedALoopWithoutOne) {
  ASSERT_EQ(EventLoop::current(), nullptr);
  EXPECT_THROW(Promise<int>::reject(Tagged(1)), awl::NoEventLoopError);
  // Settling and observing need the loop's queue.
  auto fulfilled = Promise<int>::resolve(1);  // no reactions yet: fine
  EXPECT_TRUE(fulfilled.is_fulfilled());
  expect_throw_containing<awl::NoEventLoopError>([&] { fulfilled.then([](int) {}); }, "observing a settled promise");
}

// A co_await on a thread whose loop is gone throws NoEventLoopError into the
// coroutine before it suspends (settled or pending promise alike): the
// coroutine can catch it, and suspending itself never fails.
TEST(Misuse, CoAwaitWithoutALoopThrowsIntoTheCoroutine) {
  auto loop = std::make_unique<EventLoop>();
  std::vector<std::string> caught;
  auto body = [](std::unique_ptr<EventLoop>& owned, std::vector<std::string>& out) -> Promise<int> {
    owned.reset();  // the coroutine started with a loop; now there is none
    try {
      co_await Promise<int>::resolve(1);
    } catch (const awl::NoEventLoopError& error) {
      out.emplace_back(error.what());
    }
    Deferred<int> never;
    try {
      co_await never.promise;
    } catch (const awl::NoEventLoopError& error) {
      out.emplace_back(error.what());
    }
    co_return 2;
  };
  const Promise<int> result = body(loop, caught);
  ASSERT_EQ(caught.size(), 2U);
  for (const std::string& what : caught)
    EXPECT_NE(what.find("co_await of an awl::Promise needs an awl::EventLoop"), std::string::npos) << what;
  EXPECT_TRUE(result.is_fulfilled());
}
static_assert(noexcept(std::declval<Promise<int>::Awaiter&>().await_suspend(std::coroutine_handle<>())));
static_assert(noexcept(std::declval<Promise<void>::Awaiter&>().await_suspend(std::coroutine_handle<>())));
// The awaiter's public face is the three await_ functions: it is made by
// co_await only, and is no visible reaction node.
static_assert(!std::is_constructible_v<Promise<int>::Awaiter, awl::detail::State<int>*, bool>);
static_assert(!std::is_convertible_v<Promise<int>::Awaiter*, awl::detail::Reaction*>);

// A reject() inside an executor on a thread without a loop must surface the
// NoEventLoopError (it used to be swallowed by the executor's catch, leaving
// the promise silently pending forever).
TEST(Misuse, RejectingInsideAnExecutorWithoutALoopIsAnError) {
  ASSERT_EQ(EventLoop::current(), nullptr);
  std::optional<Promise<int>> p;
  EXPECT_THROW(p.emplace([](awl::Resolver<int>, awl::Rejecter<int> reject) { reject(Tagged(1)); }),
               awl::NoEventLoopError);
  if (p) {
    EXPECT_FALSE(p->is_pending()) << "the rejection was silently lost";
  }
}

// ------------------------------------------------------------ loop misuse

TEST(Misuse, TwoLoopsOnOneThread) {
  EventLoop first;
  expect_throw_containing<std::logic_error>([] { EventLoop second; }, "already has an awl::EventLoop");
  expect_throw_containing<std::logic_error>([] { EventLoop second{awl::virtual_time}; }, "one per thread");
  EXPECT_EQ(EventLoop::current(), &first);  // the first is untouched and usable
  bool ran = false;
  awl::queue_microtask([&] { ran = true; });
  first.run();
  EXPECT_TRUE(ran);
}

TEST(Misuse, OneLoopPerThreadOnSeveralThreadsIsFine) {
  EventLoop main_loop;
  int other_result = 0;
  std::thread([&] {
    EventLoop other;
    Promise<int>::resolve(5).then([&](int v) { other_result = v; });
    other.run();
  }).join();
  EXPECT_EQ(other_result, 5);
  EXPECT_EQ(EventLoop::current(), &main_loop);
}

TEST(Misuse, RunFromInsideAMicrotask) {
  EventLoop loop;
  std::string message;
  loop.queue_microtask([&] {
    try {
      loop.run();
    } catch (const std::logic_error& error) {
      message = error.what();
    }
  });
  loop.run();
  EXPECT_NE(message.find("run() called from inside the loop"), std::string::npos) << message;
}

TEST(Misuse, RunOrRunOnceFromInsideATimerOrAThenCallback) {
  EventLoop loop{awl::virtual_time};
  int errors = 0;
  loop.set_timeout(
      [&] {
        try {
          loop.run_once();
        } catch (const std::logic_error&) {
          ++errors;
        }
      },
      5);
  // A then callback that calls run(): the logic_error rejects the derived promise.
  bool rejected_with_logic_error = false;
  Promise<int>::resolve(1)
      .then([&](int) {
        loop.run();
        return 0;
      })
      .catch_([&](const std::exception_ptr& e) {
        try {
          std::rethrow_exception(e);
        } catch (const std::logic_error&) {
          rejected_with_logic_error = true;
        }
        return 0;
      });
  loop.run();
  EXPECT_EQ(errors, 1);
  EXPECT_TRUE(rejected_with_logic_error);
}

TEST(Misuse, UncaughtRunInsideACallbackPropagatesOutOfTheOuterRun) {
  EventLoop loop;
  loop.queue_microtask([&] { loop.run(); });
  EXPECT_THROW(loop.run(), std::logic_error);
  loop.run();  // still usable afterwards
}

TEST(Misuse, RunFromAnotherThread) {
  EventLoop loop;
  std::string message;
  std::thread([&] {
    try {
      loop.run();
    } catch (const std::logic_error& error) {
      message = error.what();
    }
  }).join();
  EXPECT_NE(message.find("must run on the thread that constructed it"), std::string::npos) << message;
}

// ------------------------------------------------- settling misuse: ignored

TEST(Misuse, ResolvingTwiceAndRejectingAfterResolveAreIgnored) {
  EventLoop loop;
  Deferred<int> d;
  (*d.resolve)(1);
  (*d.resolve)(2);
  (*d.reject)(Tagged(3));
  (*d.reject)(std::make_exception_ptr(Tagged(4)));
  int value = 0;
  d.promise.then([&](int v) { value = v; });
  EXPECT_NO_THROW(loop.run());  // no (unhandled) rejection happened
  EXPECT_EQ(value, 1);
}

TEST(Misuse, ResolvingAfterRejectIsIgnored) {
  EventLoop loop;
  Deferred<void> d;
  (*d.reject)(Tagged(3));
  (*d.resolve)();
  (*d.resolve)(Promise<void>::resolve());
  EXPECT_TRUE(d.promise.is_rejected());
  d.promise.catch_([](const std::exception_ptr&) {});
  loop.run();
}

// -------------------------------------------------------- empty promises

TEST(Misuse, EmptyPromiseUsedThrowsLogicError) {
  EventLoop loop;
  Promise<int> empty;
  expect_throw_containing<std::logic_error>([&] { empty.then([](int) {}); }, "empty awl::Promise");
  expect_throw_containing<std::logic_error>([&] { empty.catch_([](const std::exception_ptr&) { return 0; }); },
                                            "empty awl::Promise");
  expect_throw_containing<std::logic_error>([&] { empty.finally([] {}); }, "empty awl::Promise");
  expect_throw_containing<std::logic_error>([&] { awl::race(empty, empty); }, "empty awl::Promise");
  expect_throw_containing<std::logic_error>([&] { awl::when_any(std::vector<Promise<int>>{empty}); },
                                            "empty awl::Promise");
  expect_throw_containing<std::logic_error>([&] { awl::when_all_settled(empty); }, "empty awl::Promise");
  loop.run();
}

TEST(Misuse, AwaitingAnEmptyPromiseRejectsTheCoroutine) {
  EventLoop loop;
  auto body = []() -> Promise<int> {
    Promise<int> empty;
    co_return co_await empty;
  };
  auto body_rvalue = []() -> Promise<int> { co_return co_await Promise<int>(); };
  int logic_errors = 0;
  auto count = [&](const std::exception_ptr& e) {
    try {
      std::rethrow_exception(e);
    } catch (const std::logic_error&) {
      ++logic_errors;
    }
    return 0;
  };
  body().catch_(count);
  body_rvalue().catch_(count);
  loop.run();
  EXPECT_EQ(logic_errors, 2);
}

TEST(Misuse, ResolvingWithAnEmptyPromiseThrowsLogicError) {
  EventLoop loop;
  Deferred<int> d;
  EXPECT_THROW((*d.resolve)(Promise<int>()), std::logic_error);
  auto p = Promise<int>::resolve(1).then([](int) { return Promise<int>(); });
  bool logic_error = false;
  p.catch_([&](const std::exception_ptr& e) {
    try {
      std::rethrow_exception(e);
    } catch (const std::logic_error&) {
      logic_error = true;
    }
    return 0;
  });
  loop.run();
  EXPECT_TRUE(logic_error);
}

// is_pending()/is_fulfilled()/is_rejected() on an empty promise must throw
// std::logic_error (they used to be noexcept, so the throw terminated the
// process). Checked in a child process so a regression cannot kill the suite.
TEST(Misuse, EmptyPromiseStatusQueriesThrowLogicError) {
  GTEST_FLAG_SET(death_test_style, "threadsafe");
  auto query_throws_logic_error = [](auto query) {
    Promise<int> empty;
    try {
      (void)query(empty);
    } catch (const std::logic_error&) {
      std::_Exit(0);
    }
    std::_Exit(1);
  };
  EXPECT_EXIT(query_throws_logic_error([](const Promise<int>& p) { return p.is_pending(); }),
              testing::ExitedWithCode(0), "")
      << "is_pending() on an empty promise";
  EXPECT_EXIT(query_throws_logic_error([](const Promise<int>& p) { return p.is_fulfilled(); }),
              testing::ExitedWithCode(0), "")
      << "is_fulfilled() on an empty promise";
  EXPECT_EXIT(query_throws_logic_error([](const Promise<int>& p) { return p.is_rejected(); }),
              testing::ExitedWithCode(0), "")
      << "is_rejected() on an empty promise";
}

// ------------------------------------------------- destruction with pending work

TEST(Misuse, LoopDestroyedWithPendingWorkWarnsAndFreesEverything) {
  int live = 0;
  std::string err;
  {
    EventLoop loop;
    LiveCounter counter(live);
    loop.queue_microtask([counter] {});  // boxed: not trivially copyable
    loop.queue_microtask([counter] {});
    Promise<int>::resolve(1).then([counter](int) {});  // a queued reaction job
    loop.post([counter] {});
    loop.set_timeout([counter] {}, 100);
    loop.set_interval([counter] {}, 100);
    auto waiting = [](LiveCounter c) -> Promise<void> {
      LiveCounter local = c;
      co_await awl::sleep(1000);
    };
    waiting(counter);
    EXPECT_GT(live, 1);
    testing::internal::CaptureStderr();
  }
  err = testing::internal::GetCapturedStderr();
  EXPECT_NE(err.find("EventLoop destroyed with pending work"), std::string::npos) << err;
  EXPECT_NE(err.find("3 microtask(s), 1 macrotask(s), 3 timer(s)"), std::string::npos) << err;
  EXPECT_EQ(live, 0) << "something the dropped work owned was not destroyed";
  EXPECT_EQ(EventLoop::current(), nullptr);
}

TEST(Misuse, LoopDestroyedWithoutPendingWorkIsSilent) {
  testing::internal::CaptureStderr();
  {
    EventLoop loop;
    loop.queue_microtask([] {});
    loop.set_timeout([] {}, 1);
    loop.run();
  }
  EXPECT_EQ(testing::internal::GetCapturedStderr(), "");
}

TEST(Misuse, LoopDestroyedWithPendingAwaitsDestroysTheCoroutines) {
  int live = 0;
  {
    EventLoop loop;
    auto body = [](LiveCounter c) -> Promise<void> {
      LiveCounter local = c;
      co_await Promise<int>::resolve(1);  // resumption queued, never run
      ADD_FAILURE() << "resumed after the loop was destroyed";
    };
    body(LiveCounter(live));
    EXPECT_EQ(live, 2);  // the frame's parameter and local
    testing::internal::CaptureStderr();
  }
  const std::string err = testing::internal::GetCapturedStderr();
  EXPECT_NE(err.find("1 microtask(s)"), std::string::npos) << err;
  EXPECT_EQ(live, 0);
}

// -------------------------------------- awaiting a promise that cannot settle

TEST(Misuse, CoroutineAwaitingAnUnsettleablePromiseIsDestroyedWithItsLastReference) {
  EventLoop loop;
  int live = 0;
  auto inner = [](LiveCounter c, Promise<int> never) -> Promise<int> {
    LiveCounter local = c;
    co_return co_await std::move(never);  // the frame keeps no reference of its own
  };
  auto outer = [](LiveCounter c, Promise<int> from_inner) -> Promise<int> {
    LiveCounter local = c;
    co_return co_await std::move(from_inner);
  };
  std::optional<Deferred<int>> d(std::in_place);
  Promise<int> outer_promise = outer(LiveCounter(live), inner(LiveCounter(live), d->promise));
  loop.run();
  EXPECT_EQ(live, 4);  // both frames wait, each holding its LiveCounter parameter and local
  EXPECT_TRUE(outer_promise.is_pending());
  d.reset();  // the last references to the awaited promise (handle and resolve functions) die
  EXPECT_EQ(live, 0) << "the waiting coroutine frames were not destroyed";
  EXPECT_TRUE(outer_promise.is_pending());
  loop.run();
}

TEST(Misuse, CoroutineAwaitingAPromiseThatIsAlreadyUnreachableIsDestroyedAtOnce) {
  EventLoop loop;
  int live = 0;
  bool resumed = false;
  auto body = [&resumed](LiveCounter c) -> Promise<void> {
    LiveCounter local = c;
    // The executor drops its resolve functions: nothing can settle this promise.
    co_await Promise<int>([](awl::Resolver<int>, awl::Rejecter<int>) {});
    resumed = true;
  };
  auto p = body(LiveCounter(live));
  EXPECT_EQ(live, 0) << "the frame should be destroyed during the co_await";
  EXPECT_TRUE(p.is_pending());
  loop.run();
  EXPECT_FALSE(resumed);
}

}  // namespace

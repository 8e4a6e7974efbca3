// Depth: million-link chains and million-step coroutines must not overflow the
// stack, whether they run to completion or are dropped while pending.
#include <memory>

#include "test_support.hpp"

namespace {

using awl::EventLoop;
using awl::Promise;
using awl_test::Deferred;

// Under the sanitizers the same shapes run with 200 000 links: every frame and
// allocation costs several times more there, and the property checked (no
// recursion proportional to the length) does not depend on N.
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
constexpr int kLinks = 200'000;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(thread_sanitizer)
constexpr int kLinks = 200'000;
#else
constexpr int kLinks = 1'000'000;
#endif
#else
constexpr int kLinks = 1'000'000;
#endif

TEST(Depth, MillionLinkThenChainOnAPendingPromise) {
  EventLoop loop;
  Deferred<int> d;
  Promise<int> p = d.promise;
  for (int i = 0; i < kLinks; ++i) p = p.then([](int v) { return v + 1; });
  int result = -1;
  p.then([&](int v) { result = v; });
  (*d.resolve)(0);
  loop.run();
  EXPECT_EQ(result, kLinks);
}

TEST(Depth, MillionLinkThenChainOnASettledPromise) {
  EventLoop loop;
  Promise<int> p = Promise<int>::resolve(0);
  for (int i = 0; i < kLinks; ++i) p = p.then([](int v) { return v + 1; });
  int result = -1;
  p.then([&](int v) { result = v; });
  loop.run();
  EXPECT_EQ(result, kLinks);
}

TEST(Depth, MillionLinkRejectionPassThrough) {
  EventLoop loop;
  Deferred<int> d;
  Promise<int> p = d.promise;
  for (int i = 0; i < kLinks; ++i) p = p.then([](int v) { return v + 1; });
  int tag = 0;
  p.catch_([&](const std::exception_ptr& e) {
    tag = awl_test::tag_of(e);
    return 0;
  });
  (*d.reject)(awl_test::Tagged(5));
  loop.run();
  EXPECT_EQ(tag, 5);
}

TEST(Depth, MillionSequentialAwaitsOfSettledPromisesInOneCoroutine) {
  EventLoop loop;
  auto body = []() -> Promise<long> {
    long sum = 0;
    for (int i = 0; i < kLinks; ++i) sum += co_await Promise<int>::resolve(1);
    co_return sum;
  };
  long result = 0;
  body().then([&](long v) { result = v; });
  loop.run();
  EXPECT_EQ(result, kLinks);
}

Promise<int> one() { co_return 1; }

TEST(Depth, MillionSequentialAwaitsOfAsyncFunctionsInOneCoroutine) {
  EventLoop loop;
  auto body = []() -> Promise<long> {
    long sum = 0;
    for (int i = 0; i < kLinks; ++i) sum += co_await one();
    co_return sum;
  };
  long result = 0;
  body().then([&](long v) { result = v; });
  loop.run();
  EXPECT_EQ(result, kLinks);
}

TEST(Depth, DroppingAMillionLinkPendingChain) {
  EventLoop loop;
  int live = 0;
  {
    Deferred<int> d;
    Promise<int> p = d.promise;
    awl_test::LiveCounter counter(live);
    for (int i = 0; i < kLinks; ++i) p = p.then([counter](int v) { return v + 1; });
    EXPECT_EQ(live, kLinks + 1);
  }  // the resolve functions and every handle die: the chain can never run
  EXPECT_EQ(live, 0);
  loop.run();
}

TEST(Depth, DroppingAMillionLinkPendingChainHeldOnlyByItsTail) {
  EventLoop loop;
  int live = 0;
  std::optional<Deferred<int>> d(std::in_place);
  Promise<int> tail = d->promise;
  {
    awl_test::LiveCounter counter(live);
    for (int i = 0; i < kLinks; ++i) tail = tail.then([counter](int v) { return v + 1; });
  }
  d.reset();  // only the source's resolve functions kept the chain reachable
  // Every link but the tail is freed; the tail's state still owns its callback.
  EXPECT_EQ(live, 1);
  EXPECT_TRUE(tail.is_pending());
  tail = Promise<int>();
  EXPECT_EQ(live, 0);
}

// States freed while a chain is being dropped wait in the destruction queue,
// linked through a word they no longer use: a pending state's value word, a
// settled one's reaction list. Every kind must come out whole: a pending
// state with a reaction of its own, a fulfilled one owning its value, a
// rejected one owning its reason.
TEST(Depth, DroppingAChainWhoseCallbacksHoldPendingFulfilledAndRejectedPromises) {
  EventLoop loop;
  constexpr int links = kLinks / 10;
  int live = 0;
  int reasons_alive = 0;
  auto value_token = std::make_shared<int>(0);
  struct CountedReason {
    awl_test::LiveCounter counter;
  };
  {
    Deferred<int> d;
    Promise<int> p = d.promise;
    for (int i = 0; i < links; ++i) {
      awl_test::LiveCounter counter(live);
      auto fulfilled = Promise<std::shared_ptr<int>>::resolve(value_token);
      Deferred<int> pending_source;
      pending_source.promise.then([counter](int v) { return v; });  // its own reaction, never to run
      Deferred<int> rejected_source;
      rejected_source.promise.catch_([](const std::exception_ptr&) { return 0; });  // handled
      (*rejected_source.reject)(std::make_exception_ptr(CountedReason{awl_test::LiveCounter(reasons_alive)}));
      p = p.then([fulfilled, pending = pending_source.promise, rejected = rejected_source.promise, counter](int v) {
        return v + 1;
      });
    }
    // The catch reactions run: each rejected state is left to its link's callback.
    loop.run();
    // Per link: its callback's counter and the pending source's reaction's.
    EXPECT_EQ(live, 2 * links);
    EXPECT_EQ(reasons_alive, links);
    EXPECT_EQ(value_token.use_count(), links + 1);
  }  // the chain and every promise its callbacks hold can never run: all freed
  EXPECT_EQ(live, 0);
  EXPECT_EQ(reasons_alive, 0);
  EXPECT_EQ(value_token.use_count(), 1);
  loop.run();
}

TEST(Depth, LoopDestroyedWithAMillionQueuedReactions) {
  int live = 0;
  testing::internal::CaptureStderr();
  {
    EventLoop loop;
    auto p = Promise<int>::resolve(1);
    awl_test::LiveCounter counter(live);
    for (int i = 0; i < kLinks; ++i) p.then([counter](int) {});
  }
  const std::string err = testing::internal::GetCapturedStderr();
  EXPECT_NE(err.find(std::to_string(kLinks) + " microtask(s)"), std::string::npos) << err;
  EXPECT_EQ(live, 0);
}

}  // namespace

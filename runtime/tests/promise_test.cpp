// awl/promise.hpp: executor, resolve/reject, then/catch_/finally, handles, coroutines.
#include "test_support.hpp"

#include <algorithm>
#include <memory>
#include <string>
#include <vector>

namespace {

using awl::EventLoop;
using awl::Promise;
using awl_test::Deferred;
using awl_test::Log;
using awl_test::tag_of;
using awl_test::Tagged;
using awl_test::ticker;

TEST(Promise, ExecutorRunsSynchronously) {
  EventLoop loop;
  Log log;
  log("before");
  Promise<int> p([&](awl::Resolver<int> resolve, awl::Rejecter<int>) {
    log("executor");
    resolve(1);
  });
  log("after");
  EXPECT_EQ(log.str(), "before | executor | after");
  EXPECT_TRUE(p.is_fulfilled());
}

TEST(Promise, ExecutorThrowRejects) {
  EventLoop loop;
  Promise<int> p([](awl::Resolver<int>, awl::Rejecter<int>) { throw Tagged(3); });
  EXPECT_TRUE(p.is_rejected());
  int tag = 0;
  p.catch_([&](const std::exception_ptr& e) {
    tag = tag_of(e);
    return 0;
  });
  loop.run();
  EXPECT_EQ(tag, 3);
}

TEST(Promise, ExecutorThrowAfterResolveIsIgnored) {
  EventLoop loop;
  Promise<int> p([](awl::Resolver<int> resolve, awl::Rejecter<int>) {
    resolve(1);
    throw Tagged(3);
  });
  EXPECT_TRUE(p.is_fulfilled());
  loop.run();  // no unhandled rejection
}

TEST(Promise, ResolverAndRejecterAreCopyableAndShareOneResolution) {
  EventLoop loop;
  std::optional<awl::Resolver<int>> resolve_copy;
  std::optional<awl::Rejecter<int>> reject_copy;
  Promise<int> p([&](awl::Resolver<int> resolve, awl::Rejecter<int> reject) {
    resolve_copy.emplace(resolve);
    reject_copy.emplace(reject);
  });
  awl::Resolver<int> another = *resolve_copy;
  another(5);
  (*resolve_copy)(6);
  (*reject_copy)(std::make_exception_ptr(Tagged(1)));
  int value = 0;
  p.then([&](int v) { value = v; });
  loop.run();
  EXPECT_EQ(value, 5);
}

TEST(Promise, StaticResolveAndReject) {
  EventLoop loop;
  auto fulfilled = Promise<std::string>::resolve("text");
  EXPECT_TRUE(fulfilled.is_fulfilled());
  auto void_fulfilled = Promise<void>::resolve();
  EXPECT_TRUE(void_fulfilled.is_fulfilled());
  auto from_object = Promise<int>::reject(Tagged(1));
  auto from_ptr = Promise<int>::reject(std::make_exception_ptr(Tagged(2)));
  EXPECT_TRUE(from_object.is_rejected());
  EXPECT_TRUE(from_ptr.is_rejected());
  std::vector<int> tags;
  from_object.catch_([&](const std::exception_ptr& e) {
    tags.push_back(tag_of(e));
    return 0;
  });
  from_ptr.catch_([&](const std::exception_ptr& e) {
    tags.push_back(tag_of(e));
    return 0;
  });
  std::string text;
  fulfilled.then([&](const std::string& s) { text = s; });
  loop.run();
  EXPECT_EQ(tags, (std::vector<int>{1, 2}));
  EXPECT_EQ(text, "text");
}

TEST(Promise, ResolveOfAPromiseReturnsThatSamePromise) {
  EventLoop loop;
  Deferred<int> d;
  auto same = Promise<int>::resolve(d.promise);
  EXPECT_EQ(same.id(), d.promise.id());
}

TEST(Promise, CopiesShareStateAndIdsDiffer) {
  EventLoop loop;
  Deferred<int> d;
  Promise<int> copy = d.promise;
  EXPECT_EQ(copy.id(), d.promise.id());
  EXPECT_NE(copy.id(), 0U);
  (*d.resolve)(3);
  EXPECT_TRUE(copy.is_fulfilled());
  Promise<int> moved = std::move(copy);
  EXPECT_TRUE(moved.valid());
  EXPECT_FALSE(copy.valid());  // NOLINT(bugprone-use-after-move): a moved-from handle is empty
  EXPECT_FALSE(Promise<int>().valid());
  EXPECT_EQ(Promise<int>().id(), 0U);
  EXPECT_NE(Promise<int>::resolve(1).id(), Promise<int>::resolve(1).id());
}

TEST(Promise, ThenCallbacksMayTakeTheValueOrNothing) {
  EventLoop loop;
  Log log;
  auto p = Promise<int>::resolve(4);
  p.then([&](int v) { log("value " + std::to_string(v)); });
  p.then([&](const int& v) { log("ref " + std::to_string(v)); });
  p.then([&] { log("no argument"); });
  Promise<int>::reject(Tagged(1)).catch_([&] {
    log("catch without argument");
    return 0;
  });
  loop.run();
  EXPECT_EQ(log.str(), "value 4 | ref 4 | no argument | catch without argument");
}

TEST(Promise, ThenChangesTheValueType) {
  EventLoop loop;
  std::string seen;
  Promise<int>::resolve(2)
      .then([](int v) { return v * 1.5; })
      .then([](double d) { return std::to_string(static_cast<int>(d)); })
      .then([&](const std::string& s) { seen = s; });
  loop.run();
  EXPECT_EQ(seen, "3");
}

TEST(Promise, ThenReturningAPromiseIsFlattened) {
  EventLoop loop{awl::virtual_time};
  auto q = Promise<int>::resolve(1).then([](int v) { return awl::sleep(10).then([v] { return v + 1; }); });
  static_assert(std::is_same_v<decltype(q), Promise<int>>);
  int value = 0;
  q.then([&](int v) { value = v; });
  loop.run();
  EXPECT_EQ(value, 2);
}

TEST(Promise, CatchRecoversAndPassesValuesThrough) {
  EventLoop loop;
  int recovered = 0;
  Promise<int>::reject(Tagged(5)).catch_([](const std::exception_ptr& e) { return tag_of(e) + 100; }).then([&](int v) {
    recovered = v;
  });
  int recovered_with_promise = 0;
  Promise<int>::reject(Tagged(5))
      .catch_([](const std::exception_ptr&) { return Promise<int>::resolve(9); })
      .then([&](int v) { recovered_with_promise = v; });
  loop.run();
  EXPECT_EQ(recovered, 105);
  EXPECT_EQ(recovered_with_promise, 9);
}

TEST(Promise, FinallyRunsOnBothOutcomesAndPassesThemThrough) {
  EventLoop loop;
  Log log;
  Promise<int>::resolve(1).finally([&] { log("finally 1"); }).then([&](int v) { log("value " + std::to_string(v)); });
  Promise<int>::reject(Tagged(2)).finally([&] { log("finally 2"); }).catch_([&](const std::exception_ptr& e) {
    log("reason " + std::to_string(tag_of(e)));
    return 0;
  });
  Promise<void>::resolve().finally([&] { log("finally void"); }).then([&] { log("void passed"); });
  loop.run();
  EXPECT_EQ(log.str(), "finally 1 | finally 2 | finally void | value 1 | reason 2 | void passed");
}

TEST(Promise, FinallyThrowingOrReturningARejectedPromiseReplacesTheOutcome) {
  EventLoop loop;
  std::vector<int> tags;
  Promise<int>::resolve(1).finally([]() { throw Tagged(10); }).catch_([&](const std::exception_ptr& e) {
    tags.push_back(tag_of(e));
    return 0;
  });
  Promise<int>::reject(Tagged(2))
      .finally([]() { return Promise<void>::reject(Tagged(20)); })
      .catch_([&](const std::exception_ptr& e) {
        tags.push_back(tag_of(e));
        return 0;
      });
  // A fulfilled promise returned by on_finally does not replace the value.
  int kept = 0;
  Promise<int>::resolve(3).finally([] { return Promise<void>::resolve(); }).then([&](int v) { kept = v; });
  loop.run();
  std::sort(tags.begin(), tags.end());
  EXPECT_EQ(tags, (std::vector<int>{10, 20}));
  EXPECT_EQ(kept, 3);
}

// Node: Promise.resolve(1).finally(() => {}).then(log F), ticker after: t1 t2 t3 F t4.
TEST(Promise, FinallyTakesTheSameTicksAsJavaScript) {
  EventLoop loop;
  Log fulfilled;
  Promise<int>::resolve(1).finally([] {}).then([&](int) { fulfilled("F"); });
  ticker(fulfilled, 5);
  loop.run();
  EXPECT_EQ(fulfilled.str(), "t1 | t2 | t3 | F | t4 | t5");

  Log rejected;
  Promise<int>::reject(Tagged(1)).finally([] {}).catch_([&] {
    rejected("F");
    return 0;
  });
  ticker(rejected, 5);
  loop.run();
  EXPECT_EQ(rejected.str(), "t1 | t2 | t3 | F | t4 | t5");
}

TEST(Promise, ValueIsNotMovedOutWhileOthersCanStillSeeIt) {
  // Several consumers of one promise holding a non-SSO string: every one sees it.
  EventLoop loop;
  const std::string text(64, 'v');
  Deferred<std::string> d;
  std::vector<std::string> seen;
  auto consumer = [&seen](Promise<std::string> p) -> Promise<void> { seen.push_back(co_await std::move(p)); };
  consumer(d.promise);
  consumer(d.promise);
  auto derived = d.promise.then([&seen](const std::string& s) { seen.push_back(s); });
  auto all = awl::when_all(std::vector<Promise<std::string>>{d.promise});
  Promise<std::string> keep = d.promise;
  d.promise = Promise<std::string>();
  (*d.resolve)(text);
  d.resolve.reset();
  d.reject.reset();
  consumer(keep);
  auto lvalue_consumer = [&seen](const Promise<std::string>& p) -> Promise<void> {
    std::string a = co_await p;
    seen.push_back(a);
  };
  lvalue_consumer(keep);
  loop.run();
  ASSERT_EQ(seen.size(), 5U);
  for (const auto& s : seen) EXPECT_EQ(s, text);
  std::string later;
  keep.then([&](const std::string& s) { later = s; });
  all.then([&](const std::vector<std::string>& v) { later += v.at(0); });
  loop.run();
  EXPECT_EQ(later, text + text);
}

// ---------------------------------------------------------------- coroutines

Promise<int> add_one(int v) { co_return v + 1; }

Promise<int> add_one_after(double ms, int v) {
  co_await awl::sleep(ms);
  co_return v + 1;
}

TEST(PromiseCoroutine, AsyncFunctionRunsEagerlyToItsFirstAwait) {
  EventLoop loop;
  Log log;
  auto body = [&]() -> Promise<int> {
    log("body start");
    co_await Promise<void>::resolve();
    log("body resumed");
    co_return 1;
  };
  auto p = body();
  log("caller continues");
  EXPECT_TRUE(p.is_pending());
  loop.run();
  EXPECT_EQ(log.str(), "body start | caller continues | body resumed");
  EXPECT_TRUE(p.is_fulfilled());
}

TEST(PromiseCoroutine, CoReturnFulfilsSynchronouslyWithoutAwait) {
  EventLoop loop;
  auto p = add_one(1);
  EXPECT_TRUE(p.is_fulfilled());
  int value = 0;
  p.then([&](int v) { value = v; });
  loop.run();
  EXPECT_EQ(value, 2);
}

TEST(PromiseCoroutine, AwaitYieldsValueAndChains) {
  EventLoop loop{awl::virtual_time};
  auto body = []() -> Promise<int> {
    int a = co_await add_one(1);
    int b = co_await add_one_after(10, a);
    int c = co_await add_one_after(20, b);
    co_return c;
  };
  int value = 0;
  body().then([&](int v) { value = v; });
  loop.run();
  EXPECT_EQ(value, 4);
  EXPECT_EQ(loop.now(), 30);
}

TEST(PromiseCoroutine, ThrowInsideRejectsItsPromise) {
  EventLoop loop;
  auto body = []() -> Promise<int> {
    co_await Promise<void>::resolve();
    throw Tagged(7);
  };
  auto synchronous_throw = []() -> Promise<void> {
    throw Tagged(8);
    co_return;
  };
  std::vector<int> tags;
  body().catch_([&](const std::exception_ptr& e) {
    tags.push_back(tag_of(e));
    return 0;
  });
  auto p = synchronous_throw();
  EXPECT_TRUE(p.is_rejected());
  p.catch_([&](const std::exception_ptr& e) { tags.push_back(tag_of(e)); });
  loop.run();
  EXPECT_EQ(tags, (std::vector<int>{8, 7}));
}

TEST(PromiseCoroutine, AwaitingARejectedPromiseThrowsItsReason) {
  EventLoop loop;
  auto reason = std::make_exception_ptr(Tagged(9));
  std::exception_ptr caught;
  auto body = [&]() -> Promise<void> {
    try {
      co_await Promise<int>::reject(reason);
    } catch (...) {
      caught = std::current_exception();
    }
  };
  body();
  loop.run();
  EXPECT_EQ(caught, reason);
}

// Node: (async () => { await Promise.resolve(1); log A })(); ticker after: A t1 ...
TEST(PromiseCoroutine, AwaitOfASettledPromiseTakesOneTick) {
  EventLoop loop;
  Log log;
  auto body = [&]() -> Promise<void> {
    co_await Promise<int>::resolve(1);
    log("A");
    co_await add_one(1);
    log("B");
  };
  body();
  ticker(log, 3);
  loop.run();
  EXPECT_EQ(log.str(), "A | t1 | B | t2 | t3");
}

TEST(PromiseCoroutine, AwaitOfAPendingPromiseResumesOneTickAfterItSettles) {
  EventLoop loop;
  Log log;
  Deferred<int> d;
  auto body = [&]() -> Promise<void> {
    co_await d.promise;
    log("resumed");
  };
  body();
  loop.queue_microtask([&] {
    (*d.resolve)(1);
    ticker(log, 2);
  });
  loop.run();
  EXPECT_EQ(log.str(), "resumed | t1 | t2");
}

TEST(PromiseCoroutine, VoidAsyncFunctions) {
  EventLoop loop{awl::virtual_time};
  int steps = 0;
  auto body = [&]() -> Promise<void> {
    ++steps;
    co_await awl::sleep(5);
    ++steps;
  };
  auto p = body();
  EXPECT_EQ(steps, 1);
  loop.run();
  EXPECT_EQ(steps, 2);
  EXPECT_TRUE(p.is_fulfilled());
}

TEST(PromiseCoroutine, CoReturnAPromiseAdoptsIt) {
  EventLoop loop{awl::virtual_time};
  auto body = []() -> Promise<int> { co_return add_one_after(10, 41); };
  int value = 0;
  body().then([&](int v) { value = v; });
  loop.run();
  EXPECT_EQ(value, 42);
}

TEST(PromiseCoroutine, SharedPointerValuesThroughThen) {
  EventLoop loop;
  int seen = 0;
  Promise<void>::resolve().then([] { return std::make_shared<int>(5); }).then([&](const std::shared_ptr<int>& p) {
    seen = *p;
  });
  loop.run();
  EXPECT_EQ(seen, 5);
}

}  // namespace

namespace {

// The value of a small state shares its word with a rejection's reason: both
// outcomes, and a value too large for the word, come out intact.
TEST(PromiseState, SmallValuesAndReasonsShareAWord) {
  EventLoop loop;
  long fulfilled = 0;
  std::string reason;
  std::string big;
  Promise<long>::resolve(42L).then([&](long v) { fulfilled = v; });
  Promise<long>::reject(std::runtime_error("no"))
      .then([](long) {},
            [&](std::exception_ptr e) {
              try {
                std::rethrow_exception(e);
              } catch (const std::runtime_error& error) {
                reason = error.what();
              }
            });
  Promise<std::string>::resolve(std::string(100, 'x')).then([&](const std::string& s) { big = s; });
  loop.run();
  EXPECT_EQ(fulfilled, 42);
  EXPECT_EQ(reason, "no");
  EXPECT_EQ(big, std::string(100, 'x'));
}

// A state is four words and a then-state of a small value six (a 48-byte
// pool block): the memory a million-link then-chain walks is what its links
// weigh (bench then_chain at 1 M).
TEST(PromiseState, ThenStateOfASmallValueTakesSixWords) {
  auto add_one = [](long x) { return x + 1; };
  using Then = awl::detail::ThenState<long, long, decltype(add_one), awl::detail::PassThrough>;
  constexpr bool word64 = sizeof(void*) == 8;  // the sizes below are those of 64-bit targets
  static_assert(!word64 || sizeof(awl::detail::StateBase) == 32);
  static_assert(!word64 || sizeof(awl::detail::State<long>) == 32);
  static_assert(!word64 || sizeof(Then) == 48);
  EXPECT_TRUE(awl::detail::value_fits_state_word<long>);
  EXPECT_FALSE(awl::detail::value_fits_state_word<std::string>);
}

// ---- The ready form: an async function that finishes without suspending
// (and Promise::resolve) returns its value in the handle, with no shared
// state until something other than an await or a move needs one.

Promise<int> finishes_at_once(int v) { co_return v; }
Promise<void> finishes_at_once_void() { co_return; }
Promise<std::string> finishes_at_once_string(std::string s) { co_return s; }
Promise<int> throws_at_once() {
  throw Tagged(5);
  co_return 0;
}
Promise<int> suspends_then_returns(Promise<int> input) { co_return co_await input + 1; }
// Converts to int only by throwing.
struct ThrowsOnConversion {
  operator int() const { throw Tagged(6); }  // NOLINT(google-explicit-constructor)
};
Promise<int> conversion_throws_at_once() { co_return ThrowsOnConversion{}; }

TEST(PromiseReadyForm, AsyncFunctionThatNeverSuspendsIsFulfilledWhenItReturns) {
  EventLoop loop;
  Promise<int> p = finishes_at_once(4);
  EXPECT_TRUE(p.valid());
  EXPECT_TRUE(p.is_fulfilled());
  EXPECT_FALSE(p.is_pending());
  int seen = 0;
  p.then([&](int v) { seen = v; });
  EXPECT_EQ(seen, 0);  // reactions still run as microtasks
  loop.run();
  EXPECT_EQ(seen, 4);
}

TEST(PromiseReadyForm, IdIsStableAndCopiesAreTheSamePromise) {
  EventLoop loop;
  Promise<int> p = finishes_at_once(1);
  Promise<int> copy = p;  // before any id was taken
  EXPECT_NE(p.id(), 0u);
  EXPECT_EQ(p.id(), p.id());
  EXPECT_EQ(copy.id(), p.id());
  Promise<int> resolved = Promise<int>::resolve(2);
  const std::uintptr_t id = resolved.id();
  Promise<int> later_copy = resolved;
  EXPECT_EQ(later_copy.id(), id);
  EXPECT_NE(id, p.id());
}

TEST(PromiseReadyForm, MovingLeavesTheSourceEmpty) {
  EventLoop loop;
  Promise<int> p = finishes_at_once(3);
  Promise<int> moved = std::move(p);
  EXPECT_FALSE(p.valid());  // NOLINT(bugprone-use-after-move): the moved-from state is what is tested
  EXPECT_EQ(p.id(), 0u);    // NOLINT(bugprone-use-after-move)
  EXPECT_TRUE(moved.is_fulfilled());
  Promise<int> assigned;
  assigned = std::move(moved);
  EXPECT_TRUE(assigned.is_fulfilled());
}

TEST(PromiseReadyForm, AwaitedOnceOrTwiceGivesTheValueAfterOneTick) {
  EventLoop loop;
  Log log;
  ticker(log, 3);
  auto body = [&]() -> Promise<void> {
    Promise<int> p = finishes_at_once(7);
    const int first = co_await p;  // an lvalue: p keeps its value
    log("first " + std::to_string(first));
    const int second = co_await p;
    log("second " + std::to_string(second));
    const int moved = co_await std::move(p);
    log("moved " + std::to_string(moved));
    co_await finishes_at_once_void();
    log("void");
  };
  body();
  loop.run();
  // Each await of a fulfilled promise takes one tick, as in JavaScript.
  EXPECT_EQ(log.str(), "t1 | first 7 | t2 | second 7 | t3 | moved 7 | void");
}

TEST(PromiseReadyForm, ValuesThatDoNotFitAWordStillWork) {
  EventLoop loop;
  std::string seen;
  auto body = [&]() -> Promise<void> { seen = co_await finishes_at_once_string(std::string(100, 'x')); };
  body();
  loop.run();
  EXPECT_EQ(seen, std::string(100, 'x'));
  EXPECT_TRUE(finishes_at_once_string("y").is_fulfilled());
}

TEST(PromiseReadyForm, ThrowingBeforeAnySuspensionRejects) {
  EventLoop loop;
  Promise<int> p = throws_at_once();
  EXPECT_TRUE(p.is_rejected());
  int tag = 0;
  p.catch_([&](const std::exception_ptr& e) {
    tag = tag_of(e);
    return 0;
  });
  loop.run();
  EXPECT_EQ(tag, 5);
}

// The conversion of the co_return operand throws after the body ran: the
// promise the caller holds rejects (it used to be left unlinked, the
// rejection reported as unhandled and the caller's promise never settled).
TEST(PromiseReadyForm, ConversionThrowingInCoReturnRejectsThePromise) {
  EventLoop loop;
  Promise<int> p = conversion_throws_at_once();
  EXPECT_TRUE(p.is_rejected());
  int tag = 0;
  p.catch_([&](const std::exception_ptr& e) {
    tag = tag_of(e);
    return 0;
  });
  loop.run();
  EXPECT_EQ(tag, 6);
}

TEST(PromiseReadyForm, AsyncFunctionThatSuspendsSharesOneStateWithItsCaller) {
  EventLoop loop;
  Deferred<int> input;
  Promise<int> p = suspends_then_returns(input.promise);
  EXPECT_TRUE(p.is_pending());
  const std::uintptr_t id = p.id();
  (*input.resolve)(41);
  loop.run();
  EXPECT_TRUE(p.is_fulfilled());
  EXPECT_EQ(p.id(), id);
  int seen = 0;
  p.then([&](int v) { seen = v; });
  loop.run();
  EXPECT_EQ(seen, 42);
}

TEST(PromiseReadyForm, CombinatorsAndAdoptionTakeReadyInputs) {
  EventLoop loop;
  std::vector<int> all;
  awl::when_all(std::vector<Promise<int>>{finishes_at_once(1), Promise<int>::resolve(2), finishes_at_once(3)})
      .then([&](const std::vector<int>& values) { all = values; });
  int adopted = 0;
  Promise<int> outer([](awl::Resolver<int> resolve, awl::Rejecter<int>) { resolve(finishes_at_once(9)); });
  outer.then([&](int v) { adopted = v; });
  loop.run();
  EXPECT_EQ(all, (std::vector<int>{1, 2, 3}));
  EXPECT_EQ(adopted, 9);
}

}  // namespace

// Promises/A+ (https://promisesaplus.com) ported to awl's typed C++ API.
// Each test is named after the section it checks: A2_2_6_1_... is 2.2.6.1.
//
// Not ported, because a typed API cannot express them:
//  * 2.2.1.1 / 2.2.1.2 and 2.2.7.3 / 2.2.7.4 for NON-FUNCTION arguments: `then`
//    only accepts callables (a non-callable does not compile). The "optional"
//    part is ported: an omitted callback (then(f) without on_rejected, catch_(g)
//    without on_fulfilled) passes the value/reason through.
//  * 2.2.5 "called as functions (with no this value)": C++ callables have no
//    JavaScript `this`.
//  * 2.3.3 (x is an object or function with a `then`: thenables, getters that
//    throw, then called with x as this, resolvePromise/rejectPromise called
//    several times, ...): awl only adopts awl::Promise<T>, there are no
//    arbitrary thenables, so the whole thenable protocol does not exist.
//  * 2.3.1 uses a TypeError; awl rejects with a std::logic_error instead.
#include "test_support.hpp"

#include <memory>
#include <type_traits>

namespace {

using awl::EventLoop;
using awl::Promise;
using awl_test::Deferred;
using awl_test::Log;
using awl_test::tag_of;
using awl_test::Tagged;

// ---------------------------------------------------------------- 2.1 states

TEST(PromisesAPlus, A2_1_1_PendingMayTransitionToFulfilled) {
  EventLoop loop;
  Deferred<int> d;
  EXPECT_TRUE(d.promise.is_pending());
  (*d.resolve)(5);
  EXPECT_TRUE(d.promise.is_fulfilled());
  EXPECT_FALSE(d.promise.is_pending());
  EXPECT_FALSE(d.promise.is_rejected());
}

TEST(PromisesAPlus, A2_1_1_PendingMayTransitionToRejected) {
  EventLoop loop;
  Deferred<int> d;
  (*d.reject)(Tagged(1));
  EXPECT_TRUE(d.promise.is_rejected());
  EXPECT_FALSE(d.promise.is_pending());
  d.promise.catch_([](const std::exception_ptr&) { return 0; });
  loop.run();
}

TEST(PromisesAPlus, A2_1_2_1_FulfilledCannotTransitionToRejected_Immediately) {
  EventLoop loop;
  Deferred<int> d;
  bool rejected_called = false;
  int value = 0;
  d.promise.then([&](int v) { value = v; }, [&](const std::exception_ptr&) { rejected_called = true; });
  (*d.resolve)(7);
  (*d.reject)(Tagged(1));
  loop.run();
  EXPECT_TRUE(d.promise.is_fulfilled());
  EXPECT_EQ(value, 7);
  EXPECT_FALSE(rejected_called);
}

TEST(PromisesAPlus, A2_1_2_1_FulfilledCannotTransitionToRejected_Delayed) {
  EventLoop loop{awl::virtual_time};
  Deferred<int> d;
  bool rejected_called = false;
  int calls = 0;
  d.promise.then([&](int) { ++calls; }, [&](const std::exception_ptr&) { rejected_called = true; });
  loop.set_timeout([&] { (*d.resolve)(7); }, 10);
  loop.set_timeout([&] { (*d.reject)(Tagged(1)); }, 20);
  loop.run();
  EXPECT_TRUE(d.promise.is_fulfilled());
  EXPECT_EQ(calls, 1);
  EXPECT_FALSE(rejected_called);
}

TEST(PromisesAPlus, A2_1_2_2_FulfilledValueMustNotChange) {
  EventLoop loop;
  Deferred<std::string> d;
  (*d.resolve)(std::string("first"));
  (*d.resolve)(std::string("second"));
  std::string seen;
  d.promise.then([&](const std::string& v) { seen = v; });
  loop.run();
  EXPECT_EQ(seen, "first");
}

TEST(PromisesAPlus, A2_1_3_1_RejectedCannotTransitionToFulfilled_Immediately) {
  EventLoop loop;
  Deferred<int> d;
  bool fulfilled_called = false;
  int tag = 0;
  d.promise.then([&](int) { fulfilled_called = true; }, [&](const std::exception_ptr& e) { tag = tag_of(e); });
  (*d.reject)(Tagged(3));
  (*d.resolve)(1);
  loop.run();
  EXPECT_TRUE(d.promise.is_rejected());
  EXPECT_EQ(tag, 3);
  EXPECT_FALSE(fulfilled_called);
}

TEST(PromisesAPlus, A2_1_3_1_RejectedCannotTransitionToFulfilled_Delayed) {
  EventLoop loop{awl::virtual_time};
  Deferred<int> d;
  bool fulfilled_called = false;
  int calls = 0;
  d.promise.then([&](int) { fulfilled_called = true; }, [&](const std::exception_ptr&) { ++calls; });
  loop.set_timeout([&] { (*d.reject)(Tagged(3)); }, 10);
  loop.set_timeout([&] { (*d.resolve)(1); }, 20);
  loop.run();
  EXPECT_TRUE(d.promise.is_rejected());
  EXPECT_EQ(calls, 1);
  EXPECT_FALSE(fulfilled_called);
}

TEST(PromisesAPlus, A2_1_3_2_RejectedReasonMustNotChange) {
  EventLoop loop;
  Deferred<int> d;
  (*d.reject)(Tagged(1));
  (*d.reject)(Tagged(2));
  int tag = 0;
  d.promise.catch_([&](const std::exception_ptr& e) {
    tag = tag_of(e);
    return 0;
  });
  loop.run();
  EXPECT_EQ(tag, 1);
}

// ---------------------------------------------------------------- 2.2 then

TEST(PromisesAPlus, A2_2_1_OnRejectedOmitted_RejectionPassesThrough) {
  EventLoop loop;
  int tag = 0;
  bool fulfilled_called = false;
  Promise<int>::reject(Tagged(9))
      .then([&](int v) {
        fulfilled_called = true;
        return v;
      })
      .catch_([&](const std::exception_ptr& e) {
        tag = tag_of(e);
        return 0;
      });
  loop.run();
  EXPECT_FALSE(fulfilled_called);
  EXPECT_EQ(tag, 9);
}

TEST(PromisesAPlus, A2_2_1_OnFulfilledOmitted_ValuePassesThrough) {
  EventLoop loop;
  bool rejected_called = false;
  int value = 0;
  Promise<int>::resolve(4)
      .catch_([&](const std::exception_ptr&) {
        rejected_called = true;
        return -1;
      })
      .then([&](int v) { value = v; });
  loop.run();
  EXPECT_FALSE(rejected_called);
  EXPECT_EQ(value, 4);
}

TEST(PromisesAPlus, A2_2_2_1_OnFulfilledCalledAfterFulfilmentWithValue) {
  EventLoop loop{awl::virtual_time};
  Deferred<int> d;
  int value = 0;
  double when = -1;
  d.promise.then([&](int v) {
    value = v;
    when = loop.now();
  });
  loop.set_timeout([&] { (*d.resolve)(42); }, 50);
  loop.run();
  EXPECT_EQ(value, 42);
  EXPECT_EQ(when, 50);
}

TEST(PromisesAPlus, A2_2_2_2_OnFulfilledNotCalledBeforeFulfilment) {
  EventLoop loop{awl::virtual_time};
  Deferred<int> d;
  bool called = false;
  d.promise.then([&](int) { called = true; });
  bool checked = false;
  loop.set_timeout(
      [&] {
        EXPECT_FALSE(called);
        checked = true;
        (*d.resolve)(1);
      },
      50);
  loop.run();
  EXPECT_TRUE(checked);
  EXPECT_TRUE(called);
}

TEST(PromisesAPlus, A2_2_2_2_OnFulfilledNeverCalledIfNeverFulfilled) {
  EventLoop loop;
  Deferred<int> d;
  bool called = false;
  d.promise.then([&](int) { called = true; });
  loop.run();
  EXPECT_FALSE(called);
}

TEST(PromisesAPlus, A2_2_2_3_OnFulfilledCalledAtMostOnce) {
  EventLoop loop{awl::virtual_time};
  Deferred<int> d;
  int calls = 0;
  d.promise.then([&](int) { ++calls; });
  (*d.resolve)(1);
  (*d.resolve)(2);
  (*d.reject)(Tagged(1));
  loop.set_timeout([&] { (*d.resolve)(3); }, 10);
  loop.run();
  EXPECT_EQ(calls, 1);
}

TEST(PromisesAPlus, A2_2_3_1_OnRejectedCalledAfterRejectionWithReason) {
  EventLoop loop{awl::virtual_time};
  Deferred<int> d;
  int tag = 0;
  double when = -1;
  d.promise.then([](int) {},
                 [&](const std::exception_ptr& e) {
                   tag = tag_of(e);
                   when = loop.now();
                 });
  loop.set_timeout([&] { (*d.reject)(Tagged(5)); }, 50);
  loop.run();
  EXPECT_EQ(tag, 5);
  EXPECT_EQ(when, 50);
}

TEST(PromisesAPlus, A2_2_3_1_RejectionReasonIsTheSameExceptionObject) {
  EventLoop loop;
  auto reason = std::make_exception_ptr(Tagged(5));
  std::exception_ptr seen;
  Promise<int>::reject(reason).then([](int) {}, [&](const std::exception_ptr& e) { seen = e; });
  loop.run();
  EXPECT_EQ(seen, reason);  // exception_ptr equality: the same exception object
}

TEST(PromisesAPlus, A2_2_3_2_OnRejectedNotCalledBeforeRejection) {
  EventLoop loop{awl::virtual_time};
  Deferred<int> d;
  bool called = false;
  d.promise.then([](int) {}, [&](const std::exception_ptr&) { called = true; });
  bool checked = false;
  loop.set_timeout(
      [&] {
        EXPECT_FALSE(called);
        checked = true;
        (*d.reject)(Tagged(1));
      },
      50);
  loop.run();
  EXPECT_TRUE(checked);
  EXPECT_TRUE(called);
}

TEST(PromisesAPlus, A2_2_3_3_OnRejectedCalledAtMostOnce) {
  EventLoop loop{awl::virtual_time};
  Deferred<int> d;
  int calls = 0;
  d.promise.then([](int) {}, [&](const std::exception_ptr&) { ++calls; });
  (*d.reject)(Tagged(1));
  (*d.reject)(Tagged(2));
  (*d.resolve)(1);
  loop.set_timeout([&] { (*d.reject)(Tagged(3)); }, 10);
  loop.run();
  EXPECT_EQ(calls, 1);
}

TEST(PromisesAPlus, A2_2_4_OnFulfilledNotCalledSynchronously_AlreadyFulfilled) {
  EventLoop loop;
  bool called = false;
  Promise<int>::resolve(1).then([&](int) { called = true; });
  EXPECT_FALSE(called);  // the synchronous code has not finished yet
  loop.run();
  EXPECT_TRUE(called);
}

TEST(PromisesAPlus, A2_2_4_OnFulfilledNotCalledSynchronously_FulfilledAfterThen) {
  EventLoop loop;
  Deferred<int> d;
  bool called = false;
  d.promise.then([&](int) { called = true; });
  (*d.resolve)(1);
  EXPECT_FALSE(called);  // resolving queues the reaction, it does not run it
  loop.run();
  EXPECT_TRUE(called);
}

TEST(PromisesAPlus, A2_2_4_OnRejectedNotCalledSynchronously) {
  EventLoop loop;
  Deferred<int> d;
  bool called = false;
  d.promise.then([](int) {}, [&](const std::exception_ptr&) { called = true; });
  (*d.reject)(Tagged(1));
  EXPECT_FALSE(called);
  bool called2 = false;
  Promise<int>::reject(Tagged(2)).then([](int) {}, [&](const std::exception_ptr&) { called2 = true; });
  EXPECT_FALSE(called2);
  loop.run();
  EXPECT_TRUE(called);
  EXPECT_TRUE(called2);
}

TEST(PromisesAPlus, A2_2_4_NotCalledInsideAnotherCallbacksStack) {
  // A reaction registered inside a callback runs after that callback returned.
  EventLoop loop;
  Log log;
  Promise<int>::resolve(1).then([&](int) {
    Promise<int>::resolve(2).then([&](int) { log("inner"); });
    log("outer end");
  });
  loop.run();
  EXPECT_EQ(log.str(), "outer end | inner");
}

TEST(PromisesAPlus, A2_2_4_CallbacksRunAsMicrotasksBeforeTimers) {
  EventLoop loop;
  Log log;
  loop.set_timeout([&] { log("timeout"); }, 0);
  Promise<int>::resolve(1).then([&](int) { log("then"); });
  log("sync");
  loop.run();
  EXPECT_EQ(log.str(), "sync | then | timeout");
}

TEST(PromisesAPlus, A2_2_6_1_MultipleOnFulfilledCalledInRegistrationOrder) {
  EventLoop loop;
  Deferred<int> d;
  Log log;
  d.promise.then([&](int v) { log("a" + std::to_string(v)); });
  d.promise.then([&](int v) { log("b" + std::to_string(v)); });
  d.promise.then([&](int v) { log("c" + std::to_string(v)); });
  (*d.resolve)(1);
  loop.run();
  EXPECT_EQ(log.str(), "a1 | b1 | c1");
}

TEST(PromisesAPlus, A2_2_6_1_OrderKeptOnAlreadyFulfilledPromise) {
  EventLoop loop;
  auto p = Promise<int>::resolve(1);
  Log log;
  p.then([&](int) { log("a"); });
  p.then([&](int) { log("b"); });
  p.then([&](int) { log("c"); });
  loop.run();
  EXPECT_EQ(log.str(), "a | b | c");
}

TEST(PromisesAPlus, A2_2_6_1_HandlerAddedInsideAnotherStillRunsAfterEarlierOnes) {
  EventLoop loop;
  auto p = Promise<int>::resolve(1);
  Log log;
  p.then([&](int) {
    log("1");
    p.then([&](int) { log("3"); });
  });
  p.then([&](int) { log("2"); });
  loop.run();
  EXPECT_EQ(log.str(), "1 | 2 | 3");
}

TEST(PromisesAPlus, A2_2_6_1_ThrowingHandlerDoesNotStopTheOthers) {
  EventLoop loop;
  Deferred<int> d;
  Log log;
  d.promise.then([&](int) { log("a"); });
  auto failing = d.promise.then([&](int) -> int {
    log("b");
    throw Tagged(1);
  });
  d.promise.then([&](int) { log("c"); });
  failing.catch_([&](const std::exception_ptr& e) {
    log("caught " + std::to_string(tag_of(e)));
    return 0;
  });
  (*d.resolve)(1);
  loop.run();
  EXPECT_EQ(log.str(), "a | b | c | caught 1");
}

TEST(PromisesAPlus, A2_2_6_1_BranchesHaveTheirOwnValues) {
  EventLoop loop;
  auto p = Promise<int>::resolve(10);
  int a = 0, b = 0, c = 0;
  p.then([](int v) { return v + 1; }).then([&](int v) { a = v; });
  p.then([](int v) { return v * 2; }).then([&](int v) { b = v; });
  p.then([](int v) -> int { throw Tagged(v); }).catch_([&](const std::exception_ptr& e) {
    c = tag_of(e);
    return 0;
  });
  loop.run();
  EXPECT_EQ(a, 11);
  EXPECT_EQ(b, 20);
  EXPECT_EQ(c, 10);
  EXPECT_TRUE(p.is_fulfilled());
}

TEST(PromisesAPlus, A2_2_6_2_MultipleOnRejectedCalledInRegistrationOrder) {
  EventLoop loop;
  Deferred<int> d;
  Log log;
  auto handler = [&](const char* name) {
    return [&log, name](const std::exception_ptr& e) { log(name + std::to_string(tag_of(e))); };
  };
  d.promise.then([](int) {}, handler("a"));
  d.promise.then([](int) {}, handler("b"));
  d.promise.then([](int) {}, handler("c"));
  (*d.reject)(Tagged(2));
  loop.run();
  EXPECT_EQ(log.str(), "a2 | b2 | c2");
}

TEST(PromisesAPlus, A2_2_6_2_ThrowingRejectionHandlerDoesNotStopTheOthers) {
  EventLoop loop;
  auto p = Promise<int>::reject(Tagged(2));
  Log log;
  p.catch_([&](const std::exception_ptr&) {
    log("a");
    return 0;
  });
  auto failing = p.catch_([&](const std::exception_ptr&) -> int {
    log("b");
    throw Tagged(3);
  });
  p.catch_([&](const std::exception_ptr&) {
    log("c");
    return 0;
  });
  failing.catch_([&](const std::exception_ptr& e) {
    log("caught " + std::to_string(tag_of(e)));
    return 0;
  });
  loop.run();
  EXPECT_EQ(log.str(), "a | b | c | caught 3");
}

TEST(PromisesAPlus, A2_2_7_ThenReturnsANewPromise) {
  EventLoop loop;
  auto p = Promise<int>::resolve(1);
  auto q = p.then([](int v) { return v; });
  static_assert(std::is_same_v<decltype(q), Promise<int>>);
  static_assert(std::is_same_v<decltype(p.then([](int) {})), Promise<void>>);
  static_assert(std::is_same_v<decltype(p.then([](int) { return std::string(); })), Promise<std::string>>);
  static_assert(std::is_same_v<decltype(p.catch_([](const std::exception_ptr&) { return 0; })), Promise<int>>);
  EXPECT_NE(p.id(), q.id());
  EXPECT_TRUE(q.is_pending());
  loop.run();
  EXPECT_TRUE(q.is_fulfilled());
}

TEST(PromisesAPlus, A2_2_7_1_ValueReturnedByOnFulfilledFulfilsPromise2) {
  EventLoop loop;
  std::string seen;
  Promise<int>::resolve(3)
      .then([](int v) { return std::string(static_cast<std::size_t>(v), 'x'); })
      .then([&](const std::string& s) { seen = s; });
  loop.run();
  EXPECT_EQ(seen, "xxx");
}

TEST(PromisesAPlus, A2_2_7_1_ValueReturnedByOnRejectedFulfilsPromise2) {
  EventLoop loop;
  int seen = 0;
  Promise<int>::reject(Tagged(8))
      .then([](int v) { return v; }, [](const std::exception_ptr& e) { return tag_of(e) * 10; })
      .then([&](int v) { seen = v; });
  loop.run();
  EXPECT_EQ(seen, 80);
}

TEST(PromisesAPlus, A2_2_7_2_OnFulfilledThrowsRejectsPromise2WithTheException) {
  EventLoop loop;
  int tag = 0;
  auto p2 = Promise<int>::resolve(1).then([](int) -> int { throw Tagged(21); });
  p2.catch_([&](const std::exception_ptr& e) {
    tag = tag_of(e);
    return 0;
  });
  loop.run();
  EXPECT_TRUE(p2.is_rejected());
  EXPECT_EQ(tag, 21);
}

TEST(PromisesAPlus, A2_2_7_2_OnRejectedThrowsRejectsPromise2WithTheException) {
  EventLoop loop;
  int tag = 0;
  auto p2 = Promise<int>::reject(Tagged(1)).catch_([](const std::exception_ptr&) -> int { throw Tagged(22); });
  p2.catch_([&](const std::exception_ptr& e) {
    tag = tag_of(e);
    return 0;
  });
  loop.run();
  EXPECT_EQ(tag, 22);
}

TEST(PromisesAPlus, A2_2_7_2_RethrownReasonIsTheSameObject) {
  EventLoop loop;
  auto reason = std::make_exception_ptr(Tagged(4));
  std::exception_ptr seen;
  Promise<int>::reject(reason)
      .catch_([](const std::exception_ptr& e) -> int { std::rethrow_exception(e); })
      .catch_([&](const std::exception_ptr& e) {
        seen = e;
        return 0;
      });
  loop.run();
  EXPECT_EQ(seen, reason);
}

TEST(PromisesAPlus, A2_2_7_3_FulfilmentPassesThroughWhenOnFulfilledAbsent) {
  EventLoop loop;
  std::string seen;
  auto p2 = Promise<std::string>::resolve(std::string("kept through catch_ links"))
                .catch_([](const std::exception_ptr&) { return std::string("wrong"); })
                .catch_([](const std::exception_ptr&) { return std::string("wrong"); });
  p2.then([&](const std::string& v) { seen = v; });
  loop.run();
  EXPECT_EQ(seen, "kept through catch_ links");
}

TEST(PromisesAPlus, A2_2_7_4_RejectionPassesThroughWhenOnRejectedAbsent) {
  EventLoop loop;
  auto reason = std::make_exception_ptr(Tagged(6));
  std::exception_ptr seen;
  int fulfilled_calls = 0;
  Promise<int>::reject(reason)
      .then([&](int v) {
        ++fulfilled_calls;
        return v;
      })
      .then([&](int v) {
        ++fulfilled_calls;
        return v;
      })
      .catch_([&](const std::exception_ptr& e) {
        seen = e;
        return 0;
      });
  loop.run();
  EXPECT_EQ(fulfilled_calls, 0);
  EXPECT_EQ(seen, reason);
}

// ------------------------------------------------- 2.3 resolution procedure

TEST(PromisesAPlus, A2_3_1_ThenCallbackReturningItsOwnPromiseRejectsWithLogicError) {
  EventLoop loop;
  Promise<int> p2;
  p2 = Promise<int>::resolve(1).then([&p2](int) { return p2; });
  std::string message;
  p2.catch_([&](const std::exception_ptr& e) {
    try {
      std::rethrow_exception(e);
    } catch (const std::logic_error& error) {
      message = error.what();
    }
    return 0;
  });
  loop.run();
  EXPECT_TRUE(p2.is_rejected());
  EXPECT_NE(message.find("cannot be resolved with itself"), std::string::npos) << message;
  p2 = Promise<int>();  // break the cycle held by the callback's capture
}

TEST(PromisesAPlus, A2_3_1_ResolvingWithItselfRejectsWithLogicError) {
  EventLoop loop;
  Deferred<int> d;
  (*d.resolve)(d.promise);
  EXPECT_TRUE(d.promise.is_rejected());
  bool logic_error = false;
  d.promise.catch_([&](const std::exception_ptr& e) {
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

TEST(PromisesAPlus, A2_3_1_ResolvingVoidPromiseWithItselfRejects) {
  EventLoop loop;
  Deferred<void> d;
  (*d.resolve)(d.promise);
  EXPECT_TRUE(d.promise.is_rejected());
  d.promise.catch_([](const std::exception_ptr&) {});
  loop.run();
}

TEST(PromisesAPlus, A2_3_2_1_AdoptsPendingPromise_StaysPendingUntilItSettles) {
  EventLoop loop{awl::virtual_time};
  Deferred<int> inner;
  Deferred<int> outer;
  (*outer.resolve)(inner.promise);
  int value = 0;
  double when = -1;
  outer.promise.then([&](int v) {
    value = v;
    when = loop.now();
  });
  loop.set_timeout(
      [&] {
        EXPECT_TRUE(outer.promise.is_pending());
        (*inner.resolve)(77);
      },
      30);
  loop.run();
  EXPECT_EQ(value, 77);
  EXPECT_EQ(when, 30);
}

TEST(PromisesAPlus, A2_3_2_1_AdoptedPendingPromiseThatNeverSettles_KeepsPromisePending) {
  EventLoop loop;
  Deferred<int> inner;
  Deferred<int> outer;
  (*outer.resolve)(inner.promise);
  bool called = false;
  outer.promise.then([&](int) { called = true; });
  loop.run();
  EXPECT_TRUE(outer.promise.is_pending());
  EXPECT_FALSE(called);
  // Resolving again, even with a value, is ignored: the promise is already resolved.
  (*outer.resolve)(1);
  loop.run();
  EXPECT_TRUE(outer.promise.is_pending());
}

TEST(PromisesAPlus, A2_3_2_2_AdoptsAlreadyFulfilledPromise) {
  EventLoop loop;
  int value = 0;
  Promise<int>::resolve(1).then([](int) { return Promise<int>::resolve(99); }).then([&](int v) { value = v; });
  loop.run();
  EXPECT_EQ(value, 99);
}

TEST(PromisesAPlus, A2_3_2_2_AdoptsEventuallyFulfilledPromise) {
  EventLoop loop{awl::virtual_time};
  int value = 0;
  Promise<int>::resolve(1).then([](int) { return awl::sleep(40).then([] { return 55; }); }).then([&](int v) {
    value = v;
  });
  loop.run();
  EXPECT_EQ(value, 55);
  EXPECT_EQ(loop.now(), 40);
}

TEST(PromisesAPlus, A2_3_2_3_AdoptsAlreadyRejectedPromise) {
  EventLoop loop;
  auto reason = std::make_exception_ptr(Tagged(12));
  std::exception_ptr seen;
  Promise<int>::resolve(1)
      .then([&](int) { return Promise<int>::reject(reason); })
      .catch_([&](const std::exception_ptr& e) {
        seen = e;
        return 0;
      });
  loop.run();
  EXPECT_EQ(seen, reason);
}

TEST(PromisesAPlus, A2_3_2_3_AdoptsEventuallyRejectedPromise) {
  EventLoop loop{awl::virtual_time};
  int tag = 0;
  Promise<int>::resolve(1)
      .then([](int) { return awl::sleep(40).then([]() -> int { throw Tagged(13); }); })
      .catch_([&](const std::exception_ptr& e) {
        tag = tag_of(e);
        return 0;
      });
  loop.run();
  EXPECT_EQ(tag, 13);
}

TEST(PromisesAPlus, A2_3_2_AdoptionInExecutorAndCoReturn) {
  EventLoop loop;
  auto inner = Promise<int>::resolve(5);
  Promise<int> by_executor([&](awl::Resolver<int> resolve, awl::Rejecter<int>) { resolve(inner); });
  auto by_coroutine = [](Promise<int> p) -> Promise<int> { co_return p; }(inner);
  auto rejected_inner = Promise<int>::reject(Tagged(2));
  auto by_coroutine_rejected = [](Promise<int> p) -> Promise<int> { co_return p; }(rejected_inner);
  int a = 0, b = 0, c = 0;
  by_executor.then([&](int v) { a = v; });
  by_coroutine.then([&](int v) { b = v; });
  by_coroutine_rejected.catch_([&](const std::exception_ptr& e) {
    c = tag_of(e);
    return 0;
  });
  loop.run();
  EXPECT_EQ(a, 5);
  EXPECT_EQ(b, 5);
  EXPECT_EQ(c, 2);
}

// Node: `new Promise(r => r(Promise.resolve(1))).then(log P)` with a ticker started after:
//   t1 t2 P t3 ...  versus r(1): P t1 t2 t3 ...  (2 extra ticks)
TEST(PromisesAPlus, A2_3_2_ResolvingWithAPromiseCostsTwoExtraTicks_Executor) {
  EventLoop loop;
  Log with_promise;
  Promise<int>([](awl::Resolver<int> resolve, awl::Rejecter<int>) {
    resolve(Promise<int>::resolve(1));
  }).then([&](int) { with_promise("P"); });
  awl_test::ticker(with_promise, 4);
  loop.run();
  EXPECT_EQ(with_promise.str(), "t1 | t2 | P | t3 | t4");

  Log with_value;
  Promise<int>([](awl::Resolver<int> resolve, awl::Rejecter<int>) { resolve(1); }).then([&](int) { with_value("P"); });
  awl_test::ticker(with_value, 4);
  loop.run();
  EXPECT_EQ(with_value.str(), "P | t1 | t2 | t3 | t4");
}

// Node: Promise.resolve().then(() => Promise.resolve(1)).then(log P): t1 t2 t3 P;
// returning a plain value: t1 P t2.
TEST(PromisesAPlus, A2_3_2_ResolvingWithAPromiseCostsTwoExtraTicks_ThenCallback) {
  EventLoop loop;
  Log with_promise;
  Promise<void>::resolve().then([] { return Promise<int>::resolve(1); }).then([&](int) { with_promise("P"); });
  awl_test::ticker(with_promise, 4);
  loop.run();
  EXPECT_EQ(with_promise.str(), "t1 | t2 | t3 | P | t4");

  Log with_value;
  Promise<void>::resolve().then([] { return 1; }).then([&](int) { with_value("P"); });
  awl_test::ticker(with_value, 4);
  loop.run();
  EXPECT_EQ(with_value.str(), "t1 | P | t2 | t3 | t4");
}

// Node: (async () => Promise.resolve(1))().then(log P): t1 t2 P; `return 1`: P t1.
TEST(PromisesAPlus, A2_3_2_ResolvingWithAPromiseCostsTwoExtraTicks_CoReturn) {
  EventLoop loop;
  Log with_promise;
  []() -> Promise<int> { co_return Promise<int>::resolve(1); }().then([&](int) { with_promise("P"); });
  awl_test::ticker(with_promise, 4);
  loop.run();
  EXPECT_EQ(with_promise.str(), "t1 | t2 | P | t3 | t4");

  Log with_value;
  []() -> Promise<int> { co_return 1; }().then([&](int) { with_value("P"); });
  awl_test::ticker(with_value, 4);
  loop.run();
  EXPECT_EQ(with_value.str(), "P | t1 | t2 | t3 | t4");
}

TEST(PromisesAPlus, A2_3_4_NonPromiseValueFulfils) {
  EventLoop loop;
  Deferred<std::vector<int>> d;
  (*d.resolve)(std::vector<int>{1, 2, 3});
  EXPECT_TRUE(d.promise.is_fulfilled());
  std::vector<int> seen;
  d.promise.then([&](const std::vector<int>& v) { seen = v; });
  loop.run();
  EXPECT_EQ(seen, (std::vector<int>{1, 2, 3}));
}

}  // namespace

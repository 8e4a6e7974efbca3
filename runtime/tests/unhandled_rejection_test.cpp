// Unhandled rejections (awl/event_loop.hpp): modes, hooks, timing, environment.
#include "test_support.hpp"

namespace {

using awl::EventLoop;
using awl::Promise;
using awl::RejectionEvent;
using awl::UnhandledRejections;
using awl_test::ScopedEnv;
using awl_test::tag_of;
using awl_test::Tagged;

struct Recorder {
  std::vector<std::string> events;  // "unhandled:<tag>" / "handled:<tag>"
  std::vector<std::uintptr_t> ids;
  void attach(EventLoop& loop) {
    loop.on_unhandled_rejection([this](const RejectionEvent& e) {
      events.push_back("unhandled:" + std::to_string(tag_of(e.reason)));
      ids.push_back(e.promise_id);
    });
    loop.on_rejection_handled([this](const RejectionEvent& e) {
      events.push_back("handled:" + std::to_string(tag_of(e.reason)));
      ids.push_back(e.promise_id);
    });
  }
};

TEST(UnhandledRejection, DefaultModeIsThrow) {
  ScopedEnv env("AWL_UNHANDLED_REJECTIONS", nullptr);
  EventLoop loop;
  EXPECT_EQ(loop.unhandled_rejections(), UnhandledRejections::throw_);
}

TEST(UnhandledRejection, ThrowModeRunThrowsUnhandledRejectionErrorNamingTheReason) {
  EventLoop loop;
  awl_test::use_default_mode(loop);
  auto p = Promise<int>::reject(std::runtime_error("the disk is full"));
  try {
    loop.run();
    FAIL() << "run() did not throw";
  } catch (const awl::UnhandledRejectionError& error) {
    EXPECT_NE(std::string(error.what()).find("the disk is full"), std::string::npos) << error.what();
    EXPECT_EQ(awl::describe(error.reason()), "the disk is full");
  }
}

TEST(UnhandledRejection, ThrowModeFromACoroutineAndFromAThenCallback) {
  EventLoop loop{awl::virtual_time};
  awl_test::use_default_mode(loop);
  auto body = []() -> Promise<void> {
    co_await awl::sleep(10);
    throw std::runtime_error("async function failed");
  };
  body();
  EXPECT_THROW(loop.run(), awl::UnhandledRejectionError);
  Promise<int>::resolve(1).then([](int) -> int { throw std::runtime_error("callback failed"); });
  try {
    loop.run();
    FAIL() << "run() did not throw";
  } catch (const awl::UnhandledRejectionError& error) {
    EXPECT_NE(std::string(error.what()).find("callback failed"), std::string::npos) << error.what();
  }
}

TEST(UnhandledRejection, ThrowModeWithAHookCallsTheHookInstead) {
  EventLoop loop;
  awl_test::use_default_mode(loop);
  Recorder recorder;
  recorder.attach(loop);
  auto p = Promise<int>::reject(Tagged(1));
  EXPECT_NO_THROW(loop.run());
  EXPECT_EQ(recorder.events, (std::vector<std::string>{"unhandled:1"}));
  EXPECT_EQ(recorder.ids, (std::vector<std::uintptr_t>{p.id()}));
}

TEST(UnhandledRejection, StrictModeThrowsEvenWithAHook) {
  EventLoop loop;
  loop.set_unhandled_rejections(UnhandledRejections::strict);
  EXPECT_EQ(loop.unhandled_rejections(), UnhandledRejections::strict);
  Recorder recorder;
  recorder.attach(loop);
  Promise<int>::reject(std::runtime_error("strict reason"));
  try {
    loop.run();
    FAIL() << "run() did not throw";
  } catch (const awl::UnhandledRejectionError& error) {
    EXPECT_NE(std::string(error.what()).find("strict reason"), std::string::npos);
  }
  EXPECT_TRUE(recorder.events.empty());
}

TEST(UnhandledRejection, WarnModePrintsToStderrAndCallsTheHook) {
  EventLoop loop;
  loop.set_unhandled_rejections(UnhandledRejections::warn);
  Recorder recorder;
  recorder.attach(loop);
  Promise<int>::reject(Tagged(3));
  testing::internal::CaptureStderr();
  EXPECT_NO_THROW(loop.run());
  const std::string err = testing::internal::GetCapturedStderr();
  EXPECT_NE(err.find("awl: warning: unhandled promise rejection: tagged 3"), std::string::npos) << err;
  EXPECT_EQ(recorder.events, (std::vector<std::string>{"unhandled:3"}));
}

TEST(UnhandledRejection, WarnModeWithoutAHook) {
  EventLoop loop;
  loop.set_unhandled_rejections(UnhandledRejections::warn);
  Promise<int>::reject(std::runtime_error("only printed"));
  testing::internal::CaptureStderr();
  EXPECT_NO_THROW(loop.run());
  const std::string err = testing::internal::GetCapturedStderr();
  EXPECT_NE(err.find("only printed"), std::string::npos) << err;
}

TEST(UnhandledRejection, NoneModeIsSilentAndCallsTheHook) {
  EventLoop loop;
  loop.set_unhandled_rejections(UnhandledRejections::none);
  Promise<int>::reject(Tagged(4));
  testing::internal::CaptureStderr();
  EXPECT_NO_THROW(loop.run());
  EXPECT_EQ(testing::internal::GetCapturedStderr(), "");
  Recorder recorder;
  recorder.attach(loop);
  Promise<int>::reject(Tagged(5));
  loop.run();
  EXPECT_EQ(recorder.events, (std::vector<std::string>{"unhandled:5"}));
}

TEST(UnhandledRejection, HandlerAttachedInTheSameMicrotaskDrainIsNotReported) {
  EventLoop loop;
  awl_test::use_default_mode(loop);
  Recorder recorder;
  recorder.attach(loop);
  auto p = Promise<int>::reject(Tagged(1));
  // Attached three microtasks later, still within the same drain.
  loop.queue_microtask([&] {
    loop.queue_microtask([&] { loop.queue_microtask([&] { p.catch_([](const std::exception_ptr&) { return 0; }); }); });
  });
  // The same inside a macrotask.
  loop.post([&] {
    auto q = Promise<int>::reject(Tagged(2));
    loop.queue_microtask([q] { q.catch_([](const std::exception_ptr&) { return 0; }); });
  });
  loop.run();
  EXPECT_TRUE(recorder.events.empty());
}

TEST(UnhandledRejection, HandlerAttachedOneMacrotaskLaterIsReportedThenHandled) {
  EventLoop loop{awl::virtual_time};
  awl_test::use_default_mode(loop);
  Recorder recorder;
  recorder.attach(loop);
  auto p = Promise<int>::reject(Tagged(7));
  loop.set_timeout(
      [&] {
        EXPECT_EQ(recorder.events, (std::vector<std::string>{"unhandled:7"}));
        p.catch_([&](const std::exception_ptr&) {
          recorder.events.push_back("catch ran");
          return 0;
        });
      },
      10);
  loop.run();
  EXPECT_EQ(recorder.events, (std::vector<std::string>{"unhandled:7", "catch ran", "handled:7"}));
  EXPECT_EQ(recorder.ids, (std::vector<std::uintptr_t>{p.id(), p.id()}));
}

TEST(UnhandledRejection, HandledHookFiresOnlyOnceAndNotForNeverReportedPromises) {
  EventLoop loop{awl::virtual_time};
  awl_test::use_default_mode(loop);
  Recorder recorder;
  recorder.attach(loop);
  auto late = Promise<int>::reject(Tagged(1));
  auto early = Promise<int>::reject(Tagged(2));
  early.catch_([](const std::exception_ptr&) { return 0; });
  loop.set_timeout(
      [&] {
        late.catch_([](const std::exception_ptr&) { return 0; });
        late.catch_([](const std::exception_ptr&) { return 0; });
        early.catch_([](const std::exception_ptr&) { return 0; });
      },
      10);
  loop.set_timeout([&] { late.catch_([](const std::exception_ptr&) { return 0; }); }, 20);
  loop.run();
  EXPECT_EQ(recorder.events, (std::vector<std::string>{"unhandled:1", "handled:1"}));
}

TEST(UnhandledRejection, RejectionsInsideATimerAreCheckedAfterItsMicrotasks) {
  EventLoop loop{awl::virtual_time};
  awl_test::use_default_mode(loop);
  Recorder recorder;
  recorder.attach(loop);
  std::uintptr_t id = 0;
  loop.set_timeout(
      [&] {
        auto p = Promise<int>::reject(Tagged(3));
        id = p.id();
      },
      5);
  bool second_timer_ran_after_report = false;
  loop.set_timeout([&] { second_timer_ran_after_report = recorder.events.size() == 1; }, 5);
  loop.run();
  EXPECT_EQ(recorder.events, (std::vector<std::string>{"unhandled:3"}));
  EXPECT_EQ(recorder.ids, (std::vector<std::uintptr_t>{id}));
  EXPECT_TRUE(second_timer_ran_after_report);
}

TEST(UnhandledRejection, AChainWithoutAFinalHandlerReportsOnlyItsLastLink) {
  EventLoop loop;
  awl_test::use_default_mode(loop);
  Recorder recorder;
  recorder.attach(loop);
  auto first = Promise<int>::reject(Tagged(1));
  auto last = first.then([](int v) { return v; }).then([](int v) { return v; });
  loop.run();
  EXPECT_EQ(recorder.events, (std::vector<std::string>{"unhandled:1"}));
  EXPECT_EQ(recorder.ids, (std::vector<std::uintptr_t>{last.id()}));
}

TEST(UnhandledRejection, CombinatorsMarkTheirInputsHandled) {
  EventLoop loop;
  awl_test::use_default_mode(loop);
  Recorder recorder;
  recorder.attach(loop);
  auto a = Promise<int>::reject(Tagged(1));
  auto b = Promise<int>::reject(Tagged(2));
  auto c = Promise<int>::reject(Tagged(3));
  auto d = Promise<int>::reject(Tagged(4));
  awl::when_all(a, b).catch_([](const std::exception_ptr&) { return std::tuple<int, int>{}; });
  awl::when_all_settled(std::vector<Promise<int>>{a, c});
  awl::when_any(c, d).catch_([](const std::exception_ptr&) { return 0; });
  awl::race(d, a).catch_([](const std::exception_ptr&) { return 0; });
  loop.run();
  EXPECT_TRUE(recorder.events.empty()) << recorder.events.front();
}

TEST(UnhandledRejection, AwaitingMarksHandled) {
  EventLoop loop;
  awl_test::use_default_mode(loop);
  auto p = Promise<int>::reject(Tagged(1));
  int tag = 0;
  auto body = [&]() -> Promise<void> {
    try {
      co_await p;
    } catch (const Tagged& t) {
      tag = t.tag;
    }
  };
  body();
  EXPECT_NO_THROW(loop.run());
  EXPECT_EQ(tag, 1);
}

TEST(UnhandledRejection, EnvironmentVariableSelectsTheMode) {
  const std::pair<const char*, UnhandledRejections> cases[] = {
      {"throw", UnhandledRejections::throw_}, {"strict", UnhandledRejections::strict},
      {"warn", UnhandledRejections::warn},    {"none", UnhandledRejections::none},
      {"", UnhandledRejections::throw_},
  };
  for (const auto& [value, mode] : cases) {
    ScopedEnv env("AWL_UNHANDLED_REJECTIONS", value);
    EventLoop loop;
    EXPECT_EQ(loop.unhandled_rejections(), mode) << "AWL_UNHANDLED_REJECTIONS=" << value;
  }
}

TEST(UnhandledRejection, EnvironmentVariableWarnTakesEffect) {
  ScopedEnv env("AWL_UNHANDLED_REJECTIONS", "warn");
  EventLoop loop;
  Promise<int>::reject(std::runtime_error("from env"));
  testing::internal::CaptureStderr();
  EXPECT_NO_THROW(loop.run());
  EXPECT_NE(testing::internal::GetCapturedStderr().find("from env"), std::string::npos);
}

TEST(UnhandledRejection, InvalidEnvironmentValueThrowsInvalidArgument) {
  ScopedEnv env("AWL_UNHANDLED_REJECTIONS", "sometimes");
  try {
    EventLoop loop;
    FAIL() << "constructed";
  } catch (const std::invalid_argument& error) {
    EXPECT_NE(std::string(error.what()).find("sometimes"), std::string::npos) << error.what();
  }
  EXPECT_EQ(EventLoop::current(), nullptr);  // the failed construction left no loop behind
}

TEST(UnhandledRejection, SetModeOverridesTheEnvironment) {
  ScopedEnv env("AWL_UNHANDLED_REJECTIONS", "none");
  EventLoop loop;
  loop.set_unhandled_rejections(UnhandledRejections::throw_);
  Promise<int>::reject(Tagged(1));
  EXPECT_THROW(loop.run(), awl::UnhandledRejectionError);
}

TEST(UnhandledRejection, LoopIsUsableAfterRunThrew) {
  EventLoop loop{awl::virtual_time};
  awl_test::use_default_mode(loop);
  Promise<int>::reject(Tagged(1));
  int later = 0;
  loop.set_timeout([&] { later = 1; }, 10);
  EXPECT_THROW(loop.run(), awl::UnhandledRejectionError);
  loop.run();
  EXPECT_EQ(later, 1);
}

}  // namespace

// awl/run_blocking.hpp: blocking work on a worker pool, settled on the loop thread.
#include "test_support.hpp"

#include <atomic>
#include <chrono>
#include <thread>

namespace {

using awl::EventLoop;
using awl::Promise;
using awl_test::tag_of;
using awl_test::Tagged;

TEST(RunBlocking, FulfilsWithTheFunctionsResult) {
  EventLoop loop;
  auto p = awl::run_blocking([] { return 6 * 7; });
  static_assert(std::is_same_v<decltype(p), Promise<int>>);
  EXPECT_TRUE(p.is_pending());
  int value = 0;
  p.then([&](int v) { value = v; });
  loop.run();
  EXPECT_EQ(value, 42);
}

TEST(RunBlocking, VoidFunctions) {
  EventLoop loop;
  std::atomic<bool> ran{false};
  auto p = awl::run_blocking([&] { ran = true; });
  static_assert(std::is_same_v<decltype(p), Promise<void>>);
  loop.run();
  EXPECT_TRUE(ran);
  EXPECT_TRUE(p.is_fulfilled());
}

TEST(RunBlocking, RunsOnAnotherThreadAndSettlesOnTheLoopThread) {
  EventLoop loop;
  const auto loop_thread = std::this_thread::get_id();
  std::thread::id worker_thread;
  std::thread::id settled_on;
  awl::run_blocking([] { return std::this_thread::get_id(); }).then([&](std::thread::id worker) {
    worker_thread = worker;
    settled_on = std::this_thread::get_id();
  });
  loop.run();
  EXPECT_NE(worker_thread, loop_thread);
  EXPECT_NE(worker_thread, std::thread::id());
  EXPECT_EQ(settled_on, loop_thread);
}

TEST(RunBlocking, AnExceptionRejectsOnTheLoopThread) {
  EventLoop loop;
  const auto loop_thread = std::this_thread::get_id();
  int tag = 0;
  std::thread::id settled_on;
  awl::run_blocking([]() -> int { throw Tagged(5); }).catch_([&](const std::exception_ptr& e) {
    tag = tag_of(e);
    settled_on = std::this_thread::get_id();
    return 0;
  });
  loop.run();
  EXPECT_EQ(tag, 5);
  EXPECT_EQ(settled_on, loop_thread);
}

TEST(RunBlocking, RunDoesNotReturnWhileWorkIsInFlight) {
  EventLoop loop;
  const auto start = std::chrono::steady_clock::now();
  auto p = awl::run_blocking([] {
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    return std::string("slow");
  });
  loop.run();
  const double elapsed = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  EXPECT_TRUE(p.is_fulfilled());
  EXPECT_GE(elapsed, 99);
}

TEST(RunBlocking, TakesNoSimulatedTimeOnVirtualTime) {
  EventLoop loop{awl::virtual_time};
  double when = -1;
  awl::run_blocking([] { std::this_thread::sleep_for(std::chrono::milliseconds(30)); }).then([&] {
    when = loop.now();
  });
  double timer_at = -1;
  loop.set_timeout([&] { timer_at = loop.now(); }, 1000);
  loop.run();
  EXPECT_EQ(when, 0);
  EXPECT_EQ(timer_at, 1000);
}

TEST(RunBlocking, AwaitedSequentiallyInACoroutine) {
  EventLoop loop;
  auto body = []() -> Promise<int> {
    int sum = 0;
    for (int i = 1; i <= 20; ++i) sum += co_await awl::run_blocking([i] { return i; });
    co_return sum;
  };
  int sum = 0;
  body().then([&](int v) { sum = v; });
  loop.run();
  EXPECT_EQ(sum, 210);
}

TEST(RunBlocking, ManyInParallelWithWhenAll) {
  EventLoop loop;
  std::vector<Promise<int>> work;
  for (int i = 0; i < 64; ++i) work.push_back(awl::run_blocking([i] { return i * 2; }));
  long sum = 0;
  awl::when_all(work).then([&](const std::vector<int>& values) {
    for (int v : values) sum += v;
  });
  loop.run();
  EXPECT_EQ(sum, 64 * 63);
}

TEST(RunBlocking, LoopDestroyedWhileWorkIsInFlightWaitsAndFreesIt) {
  int live = 0;
  std::atomic<bool> finished{false};
  testing::internal::CaptureStderr();
  {
    EventLoop loop;
    awl_test::LiveCounter counter(live);
    awl::run_blocking([&finished] {
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
      finished = true;
      return 1;
    }).then([counter](int) { ADD_FAILURE() << "ran after the loop was destroyed"; });
  }
  const std::string err = testing::internal::GetCapturedStderr();
  EXPECT_TRUE(finished);  // the destructor waited for the work
  EXPECT_EQ(live, 0);
  EXPECT_NE(err.find("blocking work completions"), std::string::npos) << err;
}

TEST(RunBlocking, WithoutALoopIsANoEventLoopError) {
  try {
    awl::run_blocking([] { return 1; });
    FAIL() << "no exception";
  } catch (const awl::NoEventLoopError& error) {
    EXPECT_NE(std::string(error.what()).find("awl::run_blocking"), std::string::npos) << error.what();
  }
}

}  // namespace

// awl/sleep.hpp: a promise fulfilled by a timer.
#include "test_support.hpp"

#include <chrono>

namespace {

using awl::EventLoop;
using awl::Promise;
using awl_test::Log;

TEST(Sleep, FulfilsAfterExactVirtualTime) {
  EventLoop loop{awl::virtual_time};
  double when = -1;
  auto p = awl::sleep(250);
  EXPECT_TRUE(p.is_pending());
  p.then([&] { when = loop.now(); });
  loop.run();
  EXPECT_EQ(when, 250);
  EXPECT_TRUE(p.is_fulfilled());
}

TEST(Sleep, SequentialSleepsAddUp) {
  EventLoop loop{awl::virtual_time};
  auto body = [&]() -> Promise<double> {
    co_await awl::sleep(100);
    co_await awl::sleep(100);
    co_await awl::sleep(100);
    co_return loop.now();
  };
  double total = 0;
  body().then([&](double t) { total = t; });
  loop.run();
  EXPECT_EQ(total, 300);
}

TEST(Sleep, ShorterSleepsFinishFirstAndZeroMeansOneMillisecond) {
  EventLoop loop{awl::virtual_time};
  Log log;
  awl::sleep(20).then([&] { log("20"); });
  awl::sleep(0).then([&] { log("0@" + std::to_string(static_cast<int>(loop.now()))); });
  awl::sleep(10).then([&] { log("10"); });
  loop.run();
  EXPECT_EQ(log.str(), "0@1 | 10 | 20");
}

TEST(Sleep, RealTimeSleepsAtLeastTheDelay) {
  EventLoop loop;
  const auto start = std::chrono::steady_clock::now();
  bool done = false;
  awl::sleep(20).then([&] { done = true; });
  loop.run();
  EXPECT_TRUE(done);
  const double elapsed = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  EXPECT_GE(elapsed, 19);
}

TEST(Sleep, WithoutALoopIsANoEventLoopError) { EXPECT_THROW(awl::sleep(1), awl::NoEventLoopError); }

}  // namespace

namespace {

TEST(Sleep, TakesChronoDurations) {
  awl::EventLoop loop{awl::virtual_time};
  std::vector<double> fired;
  awl::sleep(std::chrono::milliseconds(30)).then([&] { fired.push_back(loop.now()); });
  awl::sleep(std::chrono::microseconds(2500)).then([&] { fired.push_back(loop.now()); });
  awl::sleep(std::chrono::seconds(1)).then([&] { fired.push_back(loop.now()); });
  loop.run();
  EXPECT_EQ(fired, (std::vector<double>{2.5, 30, 1000}));
  EXPECT_EQ(loop.elapsed(), std::chrono::seconds(1));
}

}  // namespace

// awl/race.hpp: Promise.race.
#include "test_support.hpp"

namespace {

using awl::EventLoop;
using awl::Promise;
using awl_test::Log;
using awl_test::tag_of;
using awl_test::Tagged;

TEST(Race, SettlesLikeTheFirstToFulfil) {
  EventLoop loop{awl::virtual_time};
  int value = 0;
  awl::race(awl::sleep(30).then([] { return 30; }), awl::sleep(10).then([] { return 10; }),
            awl::sleep(20).then([]() -> int { throw Tagged(20); }))
      .then([&](int v) { value = v; });
  loop.run();  // the later rejection is handled by race: no unhandled rejection
  EXPECT_EQ(value, 10);
}

TEST(Race, SettlesLikeTheFirstToReject) {
  EventLoop loop{awl::virtual_time};
  int tag = 0;
  awl::race(std::vector<Promise<int>>{awl::sleep(30).then([] { return 30; }),
                                      awl::sleep(10).then([]() -> int { throw Tagged(10); })})
      .catch_([&](const std::exception_ptr& e) {
        tag = tag_of(e);
        return 0;
      });
  loop.run();
  EXPECT_EQ(tag, 10);
}

TEST(Race, AlreadySettledInputsWinInInputOrder) {
  EventLoop loop;
  int value = 0;
  awl::race(Promise<int>::resolve(1), Promise<int>::resolve(2)).then([&](int v) { value = v; });
  loop.run();
  EXPECT_EQ(value, 1);
}

// Node: Promise.race([Promise.resolve(1), Promise.resolve(2)]).then(log R), ticker after: t1 R t2.
TEST(Race, SettlesOneTickAfterTheFirstReaction) {
  EventLoop loop;
  Log log;
  awl::race(Promise<int>::resolve(1), Promise<int>::resolve(2)).then([&](int) { log("R"); });
  awl_test::ticker(log, 3);
  loop.run();
  EXPECT_EQ(log.str(), "t1 | R | t2 | t3");
}

TEST(Race, EmptyInputStaysPendingForever) {
  EventLoop loop;
  auto never = awl::race(std::vector<Promise<int>>{});
  bool called = false;
  never.then([&](int) { called = true; });
  loop.run();
  EXPECT_TRUE(never.is_pending());
  EXPECT_FALSE(called);
}

}  // namespace

// awl/when_any.hpp: Promise.any.
#include "test_support.hpp"

namespace {

using awl::EventLoop;
using awl::Promise;
using awl_test::Log;
using awl_test::tag_of;
using awl_test::Tagged;

TEST(WhenAny, FirstFulfilmentWinsEvenAfterRejections) {
  EventLoop loop{awl::virtual_time};
  std::vector<Promise<int>> inputs{
      awl::sleep(30).then([] { return 30; }),
      awl::sleep(10).then([]() -> int { throw Tagged(10); }),
      awl::sleep(20).then([] { return 20; }),
  };
  int value = 0;
  double when = -1;
  awl::when_any(inputs).then([&](int v) {
    value = v;
    when = loop.now();
  });
  loop.run();
  EXPECT_EQ(value, 20);
  EXPECT_EQ(when, 20);
}

TEST(WhenAny, AllRejectedGivesAnAggregateErrorWithReasonsInInputOrder) {
  EventLoop loop{awl::virtual_time};
  auto any = awl::when_any(awl::sleep(30).then([]() -> int { throw Tagged(1); }),
                           awl::sleep(10).then([]() -> int { throw Tagged(2); }), Promise<int>::reject(Tagged(3)));
  std::vector<int> tags;
  std::string what;
  double when = -1;
  any.catch_([&](const std::exception_ptr& e) {
    when = loop.now();
    try {
      std::rethrow_exception(e);
    } catch (const awl::AggregateError& error) {
      what = error.what();
      for (const auto& reason : error.errors()) tags.push_back(tag_of(reason));
    }
    return 0;
  });
  loop.run();
  EXPECT_EQ(tags, (std::vector<int>{1, 2, 3}));
  EXPECT_EQ(what, "All promises were rejected");
  EXPECT_EQ(when, 30);
}

TEST(WhenAny, EmptyInputRejectsAtOnceWithAnEmptyAggregateError) {
  EventLoop loop;
  auto any = awl::when_any(std::vector<Promise<int>>{});
  EXPECT_TRUE(any.is_rejected());
  std::size_t count = 99;
  any.catch_([&](const std::exception_ptr& e) {
    try {
      std::rethrow_exception(e);
    } catch (const awl::AggregateError& error) {
      count = error.errors().size();
    }
    return 0;
  });
  loop.run();
  EXPECT_EQ(count, 0U);
}

// Node: Promise.any([Promise.reject(1), Promise.resolve(2)]).then(log Y), ticker after: t1 Y t2.
TEST(WhenAny, FulfilsOneTickAfterTheWinningReaction) {
  EventLoop loop;
  Log log;
  awl::when_any(Promise<int>::reject(Tagged(1)), Promise<int>::resolve(2)).then([&](int) { log("Y"); });
  awl_test::ticker(log, 3);
  loop.run();
  EXPECT_EQ(log.str(), "t1 | Y | t2 | t3");
}

TEST(WhenAny, RejectedInputsCountAsHandled) {
  EventLoop loop;
  awl_test::use_default_mode(loop);
  auto a = Promise<int>::reject(Tagged(1));
  auto b = Promise<int>::resolve(2);
  int value = 0;
  awl::when_any(a, b).then([&](int v) { value = v; });
  EXPECT_NO_THROW(loop.run());
  EXPECT_EQ(value, 2);
}

}  // namespace

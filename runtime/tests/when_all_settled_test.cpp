// awl/when_all_settled.hpp: Promise.allSettled.
#include "test_support.hpp"

namespace {

using awl::EventLoop;
using awl::Promise;
using awl_test::Log;
using awl_test::tag_of;
using awl_test::Tagged;

TEST(WhenAllSettled, NeverRejectsAndReportsEveryOutcomeInInputOrder) {
  EventLoop loop{awl::virtual_time};
  std::vector<Promise<int>> inputs{
      awl::sleep(30).then([] { return 1; }),
      awl::sleep(10).then([]() -> int { throw Tagged(2); }),
      Promise<int>::resolve(3),
      Promise<int>::reject(Tagged(4)),
  };
  std::vector<awl::Settled<int>> outcomes;
  double when = -1;
  awl::when_all_settled(inputs).then([&](const std::vector<awl::Settled<int>>& v) {
    outcomes = v;
    when = loop.now();
  });
  loop.run();
  ASSERT_EQ(outcomes.size(), 4U);
  EXPECT_TRUE(outcomes[0].fulfilled());
  EXPECT_EQ(outcomes[0].value, 1);
  EXPECT_FALSE(outcomes[0].reason);
  EXPECT_TRUE(outcomes[1].rejected());
  EXPECT_EQ(tag_of(outcomes[1].reason), 2);
  EXPECT_FALSE(outcomes[1].value.has_value());
  EXPECT_TRUE(outcomes[2].fulfilled());
  EXPECT_EQ(outcomes[2].value, 3);
  EXPECT_TRUE(outcomes[3].rejected());
  EXPECT_EQ(tag_of(outcomes[3].reason), 4);
  EXPECT_EQ(when, 30);
}

TEST(WhenAllSettled, EmptyVectorFulfilsAtOnce) {
  EventLoop loop;
  auto settled = awl::when_all_settled(std::vector<Promise<int>>{});
  EXPECT_TRUE(settled.is_fulfilled());
  loop.run();
}

TEST(WhenAllSettled, TupleForm) {
  EventLoop loop;
  auto settled = awl::when_all_settled(Promise<int>::resolve(1), Promise<void>::reject(Tagged(2)),
                                       Promise<std::string>::resolve("s"));
  static_assert(std::is_same_v<decltype(settled),
                               Promise<std::tuple<awl::Settled<int>, awl::Settled<void>, awl::Settled<std::string>>>>);
  bool checked = false;
  settled.then([&](const std::tuple<awl::Settled<int>, awl::Settled<void>, awl::Settled<std::string>>& t) {
    EXPECT_EQ(std::get<0>(t).value, 1);
    EXPECT_TRUE(std::get<1>(t).rejected());
    EXPECT_EQ(tag_of(std::get<1>(t).reason), 2);
    EXPECT_EQ(std::get<2>(t).value, "s");
    checked = true;
  });
  loop.run();
  EXPECT_TRUE(checked);
}

// Node: Promise.allSettled([Promise.resolve(1), Promise.reject(2)]).then(log S), ticker after: t1 S t2.
TEST(WhenAllSettled, FulfilsInTheTickOfTheLastInput) {
  EventLoop loop;
  Log log;
  awl::when_all_settled(std::vector<Promise<int>>{Promise<int>::resolve(1), Promise<int>::reject(Tagged(2))})
      .then([&](const std::vector<awl::Settled<int>>&) { log("S"); });
  awl_test::ticker(log, 3);
  loop.run();
  EXPECT_EQ(log.str(), "t1 | S | t2 | t3");
}

TEST(WhenAllSettled, RejectedInputsCountAsHandled) {
  EventLoop loop;
  awl_test::use_default_mode(loop);
  auto a = Promise<int>::reject(Tagged(1));
  auto b = Promise<int>::reject(Tagged(2));
  awl::when_all_settled(a, b);
  EXPECT_NO_THROW(loop.run());
}

// get() gives what awaiting the input would have: its value or its reason
// thrown (the form async-sequential-await rewrites try blocks to).
TEST(WhenAllSettled, GetReturnsTheValueOrThrowsTheReason) {
  EventLoop loop;
  int total = 0;
  int caught = 0;
  bool void_ok = false;
  std::string text;
  // A named lambda: its captures must outlive the coroutine's suspension.
  auto body = [&]() -> Promise<void> {
    auto [a, b, c, d] =
        co_await awl::when_all_settled(Promise<int>::resolve(40), Promise<int>::reject(Tagged(7)),
                                       Promise<void>::resolve(), Promise<std::string>::resolve(std::string(40, 'x')));
    total += a.get();
    try {
      total += std::move(b).get();
    } catch (const Tagged& e) {
      caught = e.tag;
    }
    c.get();
    void_ok = true;
    const std::string& seen = d.get();  // an lvalue gives a reference
    EXPECT_EQ(&seen, &*d.value);
    text = std::move(d).get();  // an rvalue moves the value out
    EXPECT_TRUE(d.value->empty());
  };
  body();
  loop.run();
  EXPECT_EQ(total, 40);
  EXPECT_EQ(caught, 7);
  EXPECT_TRUE(void_ok);
  EXPECT_EQ(text, std::string(40, 'x'));
}

TEST(WhenAllSettled, GetOfARejectedVoidInputThrows) {
  EventLoop loop;
  awl::Settled<void> outcome;
  outcome.reason = std::make_exception_ptr(Tagged(3));
  EXPECT_THROW(outcome.get(), Tagged);
  outcome.status = awl::SettledStatus::fulfilled;
  outcome.reason = nullptr;
  EXPECT_NO_THROW(outcome.get());
}

}  // namespace

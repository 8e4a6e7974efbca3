// awl/when_all.hpp: Promise.all.
#include "test_support.hpp"

namespace {

using awl::EventLoop;
using awl::Promise;
using awl_test::Deferred;
using awl_test::Log;
using awl_test::tag_of;
using awl_test::Tagged;

TEST(WhenAll, EmptyVectorFulfilsAtOnceWithAnEmptyVector) {
  EventLoop loop;
  auto all = awl::when_all(std::vector<Promise<int>>{});
  EXPECT_TRUE(all.is_fulfilled());
  std::size_t size = 99;
  all.then([&](const std::vector<int>& v) { size = v.size(); });
  loop.run();
  EXPECT_EQ(size, 0U);
}

TEST(WhenAll, ValuesAreInInputOrderWhateverTheSettlementOrder) {
  EventLoop loop{awl::virtual_time};
  std::vector<Promise<int>> inputs;
  for (int i = 0; i < 5; ++i) inputs.push_back(awl::sleep(50 - i * 10).then([i] { return i * i; }));
  std::vector<int> values;
  double when = -1;
  awl::when_all(inputs).then([&](const std::vector<int>& v) {
    values = v;
    when = loop.now();
  });
  loop.run();
  EXPECT_EQ(values, (std::vector<int>{0, 1, 4, 9, 16}));
  EXPECT_EQ(when, 50);  // the max, not the sum
}

TEST(WhenAll, TupleOfHeterogeneousTypesWithVoidAsMonostate) {
  EventLoop loop{awl::virtual_time};
  auto all =
      awl::when_all(Promise<int>::resolve(1), awl::sleep(20).then([] { return std::string("two"); }), awl::sleep(10));
  static_assert(std::is_same_v<decltype(all), Promise<std::tuple<int, std::string, std::monostate>>>);
  int a = 0;
  std::string b;
  all.then([&](const std::tuple<int, std::string, std::monostate>& t) {
    a = std::get<0>(t);
    b = std::get<1>(t);
  });
  loop.run();
  EXPECT_EQ(a, 1);
  EXPECT_EQ(b, "two");
  EXPECT_EQ(loop.now(), 20);
}

TEST(WhenAll, VectorOfVoidGivesMonostates) {
  EventLoop loop;
  auto all = awl::when_all(std::vector<Promise<void>>{Promise<void>::resolve(), Promise<void>::resolve()});
  static_assert(std::is_same_v<decltype(all), Promise<std::vector<std::monostate>>>);
  std::size_t size = 0;
  all.then([&](const std::vector<std::monostate>& v) { size = v.size(); });
  loop.run();
  EXPECT_EQ(size, 2U);
}

// Node: Promise.all([Promise.resolve(1), Promise.resolve(2)]).then(log A), ticker after: t1 A t2.
TEST(WhenAll, FulfilsInTheTickOfTheLastInput) {
  EventLoop loop;
  Log log;
  awl::when_all(std::vector<Promise<int>>{Promise<int>::resolve(1), Promise<int>::resolve(2)})
      .then([&](const std::vector<int>&) { log("A"); });
  awl_test::ticker(log, 3);
  loop.run();
  EXPECT_EQ(log.str(), "t1 | A | t2 | t3");
}

TEST(WhenAll, RejectsAtTheFirstRejectionWhileOthersKeepRunning) {
  EventLoop loop{awl::virtual_time};
  bool slow_finished = false;
  std::vector<Promise<int>> inputs{
      awl::sleep(100).then([&] {
        slow_finished = true;
        return 1;
      }),
      awl::sleep(10).then([]() -> int { throw Tagged(1); }),
      awl::sleep(20).then([]() -> int { throw Tagged(2); }),  // a second rejection: not unhandled
  };
  int tag = 0;
  double when = -1;
  awl::when_all(inputs).catch_([&](const std::exception_ptr& e) {
    tag = tag_of(e);
    when = loop.now();
    return std::vector<int>{};
  });
  loop.run();  // default `throw` mode: would throw on an unhandled rejection
  EXPECT_EQ(tag, 1);
  EXPECT_EQ(when, 10);
  EXPECT_TRUE(slow_finished);  // not cancelled
  EXPECT_TRUE(inputs[0].is_fulfilled());
}

TEST(WhenAll, InputsCountAsHandled) {
  EventLoop loop;
  awl_test::use_default_mode(loop);
  std::vector<awl::RejectionEvent> unhandled;
  loop.on_unhandled_rejection([&](const awl::RejectionEvent& e) { unhandled.push_back(e); });
  auto a = Promise<int>::reject(Tagged(1));
  auto b = Promise<int>::reject(Tagged(2));
  auto all = awl::when_all(a, b);
  loop.run();
  // Only the combined promise is unhandled, not its inputs.
  ASSERT_EQ(unhandled.size(), 1U);
  EXPECT_EQ(unhandled[0].promise_id, all.id());
  EXPECT_EQ(tag_of(unhandled[0].reason), 1);
}

TEST(WhenAll, AnEmptyInputPromiseIsALogicError) {
  EventLoop loop;
  EXPECT_THROW(awl::when_all(std::vector<Promise<int>>{Promise<int>()}), std::logic_error);
  EXPECT_THROW(awl::when_all(Promise<int>::resolve(1), Promise<int>()), std::logic_error);
  loop.run();
}

TEST(WhenAll, TheSamePromiseTwice) {
  EventLoop loop;
  Deferred<std::string> d;
  auto all = awl::when_all(std::vector<Promise<std::string>>{d.promise, d.promise});
  (*d.resolve)(std::string(40, 'z'));
  std::vector<std::string> v;
  all.then([&](const std::vector<std::string>& values) { v = values; });
  loop.run();
  EXPECT_EQ(v, (std::vector<std::string>{std::string(40, 'z'), std::string(40, 'z')}));
}

TEST(WhenAll, AwaitedInACoroutine) {
  EventLoop loop{awl::virtual_time};
  auto body = []() -> Promise<int> {
    auto [a, b] = co_await awl::when_all(awl::sleep(10).then([] { return 1; }), awl::sleep(30).then([] { return 2; }));
    co_return a + b;
  };
  int value = 0;
  body().then([&](int v) { value = v; });
  loop.run();
  EXPECT_EQ(value, 3);
  EXPECT_EQ(loop.now(), 30);
}

// Promise::resolve gives the ready form (no state); a copy or an id() gives
// a promise its state. Both kinds of fulfilled input take the same tick.
TEST(WhenAll, ReadyAndMaterialisedInputsTakeTheSameTicks) {
  EventLoop loop;
  Log log;
  Promise<int> with_state = Promise<int>::resolve(2);
  EXPECT_NE(with_state.id(), 0U);  // now backed by a state
  awl::when_all(std::vector<Promise<int>>{Promise<int>::resolve(1), with_state})
      .then([&](const std::vector<int>& values) { log("A " + std::to_string(values[0] + values[1])); });
  awl::when_all_settled(std::vector<Promise<int>>{Promise<int>::resolve(1), with_state})
      .then([&](const auto& outcomes) { log("S " + std::to_string(outcomes.size())); });
  awl::when_any(std::vector<Promise<int>>{Promise<int>::resolve(5), with_state}).then([&](int v) {
    log("Y " + std::to_string(v));
  });
  awl::race(std::vector<Promise<int>>{with_state, Promise<int>::resolve(6)}).then([&](int v) {
    log("R " + std::to_string(v));
  });
  awl_test::ticker(log, 3);
  loop.run();
  // Node (the same program): the eight input jobs are queued before t1, so
  // every combinator settles before t1 runs and its callback comes after it.
  EXPECT_EQ(log.str(), "t1 | A 3 | S 2 | Y 5 | R 2 | t2 | t3");
}

// Ready inputs need no slot; a pending input after them takes the combinator's
// slot array then, and every value still lands at its input's index.
TEST(WhenAll, PendingInputsAfterReadyOnesKeepTheirPlaces) {
  EventLoop loop{awl::virtual_time};
  std::vector<Promise<int>> inputs;
  for (int i = 0; i < 6; ++i)
    inputs.push_back(i % 3 == 2 ? awl::sleep(10 * i).then([i] { return i * 10; }) : Promise<int>::resolve(i));
  std::vector<int> values;
  awl::when_all(inputs).then([&](const std::vector<int>& v) { values = v; });
  loop.run();
  EXPECT_EQ(values, (std::vector<int>{0, 1, 20, 3, 4, 50}));
}

// A value type with no default constructor waits in an optional until all
// are in; one whose default constructor may throw too. Both keep input order.
struct NoDefault {
  explicit NoDefault(int v) : value(v) {}
  int value;
};
struct ThrowingDefault {
  ThrowingDefault() noexcept(false) {}
  explicit ThrowingDefault(std::string v) : value(std::move(v)) {}
  std::string value;
};
static_assert(!awl::detail::stores_in_place<NoDefault> && !awl::detail::stores_in_place<ThrowingDefault>);
static_assert(awl::detail::stores_in_place<long> && awl::detail::stores_in_place<std::string>);

TEST(WhenAll, ValuesWithoutANoexceptDefaultConstructorKeepInputOrder) {
  EventLoop loop{awl::virtual_time};
  std::vector<Promise<NoDefault>> plain;
  std::vector<Promise<ThrowingDefault>> throwing;
  for (int i = 0; i < 4; ++i) {
    plain.push_back(awl::sleep(40 - 10 * i).then([i] { return NoDefault(i); }));
    throwing.push_back(awl::sleep(40 - 10 * i).then([i] { return ThrowingDefault(std::string(i + 1, 'x')); }));
  }
  std::vector<int> plain_values;
  std::vector<std::string> throwing_values;
  awl::when_all(plain).then([&](const std::vector<NoDefault>& v) {
    for (const auto& e : v) plain_values.push_back(e.value);
  });
  awl::when_all(throwing).then([&](const std::vector<ThrowingDefault>& v) {
    for (const auto& e : v) throwing_values.push_back(e.value);
  });
  loop.run();
  EXPECT_EQ(plain_values, (std::vector<int>{0, 1, 2, 3}));
  EXPECT_EQ(throwing_values, (std::vector<std::string>{"x", "xx", "xxx", "xxxx"}));
}

// Values stored in place: a rejection after some values arrived rejects,
// and the values already stored are simply dropped with the combinator.
TEST(WhenAll, InPlaceValuesThenARejection) {
  EventLoop loop{awl::virtual_time};
  std::vector<Promise<std::string>> inputs;
  inputs.push_back(awl::sleep(10).then([] { return std::string("a"); }));
  inputs.push_back(awl::sleep(20).then([]() -> std::string { throw std::runtime_error("second"); }));
  inputs.push_back(awl::sleep(30).then([] { return std::string("c"); }));
  std::string reason;
  awl::when_all(inputs).then([](const std::vector<std::string>&) {},
                             [&](std::exception_ptr e) {
                               try {
                                 std::rethrow_exception(e);
                               } catch (const std::runtime_error& error) {
                                 reason = error.what();
                               }
                             });
  loop.run();
  EXPECT_EQ(reason, "second");
}

// A ready input's job dropped unrun (the loop dies first) releases the
// combinator's reference (LeakSanitizer checks it in the ASan build).
TEST(WhenAll, ReadyInputsDroppedUnrunReleaseTheCombinator) {
  Promise<std::vector<int>> all;
  {
    EventLoop loop;
    all = awl::when_all(std::vector<Promise<int>>{Promise<int>::resolve(1), Promise<int>::resolve(2)});
  }
  EXPECT_TRUE(all.is_pending());
}

}  // namespace

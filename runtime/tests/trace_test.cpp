// awl/trace.hpp and awl/trace_views.hpp: what a traced loop records, and the
// views built from it (coroutines, timeline, missed-concurrency hints).
// The Chrome JSON's structure is checked by test/trace/check_chrome_trace.js.
#include "test_support.hpp"

#include <algorithm>
#include <stdexcept>
#include <string>
#include <thread>
#include <type_traits>
#include <vector>

namespace {

using awl::EventLoop;
using awl::Promise;
using awl::Trace;
using awl::TraceKind;

Promise<int> fetch(int value, double ms) {
  co_await awl::sleep(ms);
  co_return value;
}
constexpr unsigned fetch_line = __LINE__ - 4;

Promise<int> sequential() {
  const int a = co_await fetch(1, 100);
  const int b = co_await fetch(2, 50);
  co_return a + b;
}

Promise<int> together() {
  auto [a, b] = co_await awl::when_all(fetch(1, 100), fetch(2, 50));
  co_return a + b;
}

// The second call needs the first's result: the trace cannot tell.
Promise<int> dependent() {
  const int a = co_await fetch(1, 100);
  const int b = co_await fetch(a + 1, 50);
  co_return a + b;
}

// Both started before either await: already concurrent.
Promise<int> started_early() {
  Promise<int> first = fetch(1, 100);
  Promise<int> second = fetch(2, 50);
  const int a = co_await first;
  const int b = co_await second;
  co_return a + b;
}

// Settled promises cost no waiting.
Promise<int> already_settled() {
  const int a = co_await Promise<int>::resolve(1);
  const int b = co_await Promise<int>::resolve(2);
  co_return a + b;
}

Promise<int> throws_after(double ms) {
  co_await awl::sleep(ms);
  throw std::runtime_error("boom");
}

Promise<int> catches() {
  try {
    co_return co_await throws_after(10);
  } catch (const std::runtime_error&) {
    co_return -1;
  }
}

template <class Coroutine>
Trace traced(Coroutine coroutine) {
  EventLoop loop{awl::virtual_time};
  Trace trace;
  loop.set_trace(&trace);
  coroutine();
  loop.run();
  return trace;
}

std::vector<TraceKind> kinds_of(const Trace& trace, std::uintptr_t subject) {
  std::vector<TraceKind> kinds;
  for (const awl::TraceEvent& event : trace.events())
    if (event.subject == subject) kinds.push_back(event.kind);
  return kinds;
}

// The recorder the runtime writes into is no visible base of Trace.
static_assert(!std::is_convertible_v<awl::Trace*, awl::detail::TraceRecorder*>);

TEST(Trace, OffByDefaultRecordsNothing) {
  EventLoop loop{awl::virtual_time};
  EXPECT_EQ(loop.trace(), nullptr);
  Trace trace;
  sequential();
  loop.run();
  EXPECT_TRUE(trace.empty());
}

TEST(Trace, CoroutineLifeAndAwaitsInOrder) {
  std::uintptr_t promise = 0;
  const Trace trace = traced([&] { promise = fetch(7, 20).id(); });
  const auto& events = trace.events();
  // The coroutine is known by its frame; its begin event names its promise.
  const auto begin = std::find_if(events.begin(), events.end(), [&](const awl::TraceEvent& event) {
    return event.kind == TraceKind::coroutine_begin && event.promise == promise;
  });
  ASSERT_NE(begin, events.end());
  const std::uintptr_t frame = begin->subject;
  EXPECT_EQ(kinds_of(trace, frame), (std::vector<TraceKind>{TraceKind::coroutine_begin, TraceKind::await_suspend,
                                                            TraceKind::await_resume, TraceKind::coroutine_end}));
  const auto end = std::find_if(events.begin(), events.end(), [&](const awl::TraceEvent& event) {
    return event.kind == TraceKind::coroutine_end && event.subject == frame;
  });
  ASSERT_NE(end, events.end());
  EXPECT_EQ(end->time, 20);
  EXPECT_FALSE(end->rejected);
}

TEST(Trace, SetTraceOnAnotherThreadIsAnError) {
  EventLoop loop{awl::virtual_time};
  Trace trace;
  std::thread other([&] { EXPECT_THROW(loop.set_trace(&trace), std::logic_error); });
  other.join();
  EXPECT_EQ(loop.trace(), nullptr);
}

TEST(Trace, CoroutineKnowsWhereItIsDefined) {
  const Trace trace = traced([] { fetch(1, 1); });
  const auto& begin = trace.events().front();
  ASSERT_EQ(begin.kind, TraceKind::coroutine_begin);
  // Clang names the line of the function's name, GCC that of its closing brace.
  EXPECT_GE(begin.where.line(), fetch_line);
  EXPECT_LE(begin.where.line(), fetch_line + 3);
  EXPECT_NE(std::string(begin.where.file_name()).find("trace_test.cpp"), std::string::npos);
  EXPECT_NE(std::string(begin.where.function_name()).find("fetch"), std::string::npos);
}

TEST(Trace, TimersAndPostedTasksAreMacrotasks) {
  const Trace trace = traced([] {
    awl::set_timeout([] {}, 5);
    awl::post([] {});
  });
  std::vector<std::string> seen;
  for (const awl::TraceEvent& event : trace.events()) {
    if (event.kind == TraceKind::macrotask_begin)
      seen.push_back(std::string(event.label) + "@" + std::to_string(static_cast<int>(event.time)));
    if (event.kind == TraceKind::macrotask_end) seen.push_back("end");
  }
  EXPECT_EQ(seen, (std::vector<std::string>{"task@0", "end", "timer@5", "end"}));
}

TEST(Trace, CoroutinesAndTheirAwaits) {
  const Trace trace = traced([] { sequential(); });
  const auto coroutines = awl::coroutines_of(trace);
  ASSERT_EQ(coroutines.size(), 3u);
  EXPECT_EQ(coroutines[0].name, "sequential");
  EXPECT_EQ(coroutines[0].parent, 0u);
  EXPECT_EQ(coroutines[0].begin, 0);
  EXPECT_EQ(coroutines[0].end, 150);
  ASSERT_EQ(coroutines[0].awaits.size(), 2u);
  EXPECT_EQ(coroutines[0].awaits[0].awaited, "fetch");
  EXPECT_EQ(coroutines[0].awaits[0].callee, 2u);
  EXPECT_EQ(coroutines[0].awaits[1].suspended, 100);
  EXPECT_EQ(coroutines[0].awaits[1].resumed, 150);
  EXPECT_EQ(coroutines[1].parent, 1u);
  EXPECT_EQ(coroutines[2].parent, 1u);
  EXPECT_EQ(coroutines[2].begin, 100);
  ASSERT_EQ(coroutines[1].awaits.size(), 1u);
  EXPECT_EQ(coroutines[1].awaits[0].awaited, "executor");  // awl::sleep's promise
}

TEST(Trace, RejectionsAreRecorded) {
  const Trace trace = traced([] { catches(); });
  const auto coroutines = awl::coroutines_of(trace);
  ASSERT_EQ(coroutines.size(), 2u);
  EXPECT_TRUE(coroutines[1].rejected);
  EXPECT_FALSE(coroutines[0].rejected);
  ASSERT_EQ(coroutines[0].awaits.size(), 1u);
  EXPECT_TRUE(coroutines[0].awaits[0].rejected);
}

TEST(Trace, StopsWhenDetached) {
  EventLoop loop{awl::virtual_time};
  Trace trace;
  loop.set_trace(&trace);
  fetch(1, 10);
  loop.set_trace(nullptr);
  loop.run();
  EXPECT_EQ(kinds_of(trace, trace.events().front().subject),
            (std::vector<TraceKind>{TraceKind::coroutine_begin, TraceKind::await_suspend}));
}

// A body that attaches the trace and ends without suspending began before
// the trace: the trace knows neither its begin nor its end (no orphan end),
// and does know the coroutine it started after attaching.
Promise<int> attaches_then_returns(EventLoop& loop, Trace& trace, std::uintptr_t& inner) {
  loop.set_trace(&trace);
  inner = fetch(3, 5).id();
  co_return 1;
}

TEST(Trace, CoroutineBegunBeforeTheTraceLeavesNoOrphanEnd) {
  EventLoop loop{awl::virtual_time};
  Trace trace;
  std::uintptr_t inner = 0;
  Promise<int> outer = attaches_then_returns(loop, trace, inner);
  loop.run();
  std::size_t begins = 0;
  std::size_t ends = 0;
  for (const awl::TraceEvent& event : trace.events()) {
    begins += event.kind == TraceKind::coroutine_begin ? 1U : 0U;
    ends += event.kind == TraceKind::coroutine_end ? 1U : 0U;
    if (event.kind == TraceKind::coroutine_begin) EXPECT_EQ(event.promise, inner);
  }
  EXPECT_EQ(begins, 1U);
  EXPECT_EQ(ends, 1U);  // fetch's, at 5 ms; none for the frame the trace never saw begin
  loop.set_trace(nullptr);
}

TEST(Trace, ShortFunctionNames) {
  using awl::detail::short_function_name;
  EXPECT_EQ(short_function_name("awl::Promise<int> (anonymous namespace)::get_user(int)"), "get_user");
  EXPECT_EQ(short_function_name("awl::Promise<int> {anonymous}::get_user(int)"), "get_user");
  EXPECT_EQ(short_function_name("Task S::member(int, std::map<int, int>) const"), "S::member");
  EXPECT_EQ(short_function_name("awl::Promise<std::pair<int, int> > ns::f(T) [T = int]"), "ns::f");
  EXPECT_EQ(short_function_name("awl::Promise<T> ns::f(T) [with T = int]"), "ns::f");
  EXPECT_EQ(short_function_name("main()::<lambda()>"), "main()::<lambda()>");  // GCC's lambda: kept whole
  EXPECT_EQ(short_function_name("auto main()::(lambda)::operator()() const"), "main()::(lambda)");
}

TEST(Timeline, SumVersusMax) {
  awl::TimelineOptions options;
  options.width = 30;
  options.ascii = true;
  EXPECT_EQ(awl::timeline(traced([] { sequential(); }), options),
            "sequential |##############################| 150 ms\n"
            "  fetch    |####################          | 100 ms\n"
            "  fetch    |                    ##########| 50 ms\n"
            "           0                         150 ms\n");
  options.axis_ms = 150;  // the same scale as the sequential version
  EXPECT_EQ(awl::timeline(traced([] { together(); }), options),
            "together |####################          | 100 ms\n"
            "  fetch  |####################          | 100 ms\n"
            "  fetch  |##########                    | 50 ms\n"
            "         0                         150 ms\n");
}

TEST(Timeline, UnfinishedAndThrowingCoroutines) {
  EventLoop loop{awl::virtual_time};
  Trace trace;
  loop.set_trace(&trace);
  fetch(1, 50);
  throws_after(10).catch_([](std::exception_ptr) { return 0; });
  // Stop recording after the throw at 10 ms, before fetch ends at 50 ms.
  // (A coroutine left waiting on a promise nobody settles would leak: its
  // frame and the promise hold each other, see test/gen/README.md.)
  while (loop.now() < 10) loop.run_once();
  loop.set_trace(nullptr);
  loop.run();
  const std::string text = awl::timeline(trace, {.width = 10, .axis_ms = 0, .ascii = true});
  EXPECT_NE(text.find("(not finished)"), std::string::npos) << text;
  EXPECT_NE(text.find("(threw)"), std::string::npos) << text;
}

std::size_t count(const std::string& text, const std::string& what) {
  std::size_t found = 0;
  for (std::size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++found;
  return found;
}

TEST(Timeline, SvgHasABarPerCoroutineAndEscapesText) {
  awl::TimelineSvgOptions options;
  options.title = "fetch <twice> & sum";
  const std::string svg = awl::timeline_svg(traced([] { sequential(); }), options);
  EXPECT_EQ(svg.rfind("<svg xmlns=\"http://www.w3.org/2000/svg\"", 0), 0u);
  EXPECT_EQ(count(svg, "<rect "), 1u + 3u);  // the background and three bars
  EXPECT_EQ(count(svg, ">fetch<"), 2u);
  EXPECT_NE(svg.find("fetch &lt;twice&gt; &amp; sum"), std::string::npos);
  EXPECT_NE(svg.find(">150 ms<"), std::string::npos);  // the last grid line
  EXPECT_EQ(svg.substr(svg.size() - 7), "</svg>\n");
}

TEST(MissedConcurrency, SequentialIndependentAwaitsAreHinted) {
  const auto hints = awl::missed_concurrency(traced([] { sequential(); }));
  ASSERT_EQ(hints.size(), 1u);
  EXPECT_EQ(hints[0].function, "sequential");
  ASSERT_EQ(hints[0].awaits.size(), 2u);
  EXPECT_EQ(hints[0].took, 150);
  EXPECT_EQ(hints[0].together, 100);
  EXPECT_NE(awl::describe(hints[0]).find("sequential awaited fetch and fetch one after another (150 ms)"),
            std::string::npos)
      << awl::describe(hints[0]);
}

TEST(MissedConcurrency, QuietWhenAlreadyConcurrentOrNothingWaited) {
  EXPECT_TRUE(awl::missed_concurrency(traced([] { together(); })).empty());
  EXPECT_TRUE(awl::missed_concurrency(traced([] { started_early(); })).empty());
  EXPECT_TRUE(awl::missed_concurrency(traced([] { already_settled(); })).empty());
}

TEST(MissedConcurrency, DependentCallsLookTheSameAtRunTime) {
  // The dynamic hint is a candidate; async-sequential-await's dependence
  // analysis is what rules this one out (see test/trace/cross_check.sh).
  EXPECT_EQ(awl::missed_concurrency(traced([] { dependent(); })).size(), 1u);
}

}  // namespace

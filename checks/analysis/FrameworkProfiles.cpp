//===--- FrameworkProfiles.cpp - awaitlint ----------------------*- C++ -*-===//
//
// The profile of every coroutine library the checks know: its task types
// (eager or lazy), its scheduling and synchronisation primitives, its
// combinators and its detach calls. Facts come from each library's public
// headers and documentation; test/checks/Inputs holds small mocks that
// reproduce these shapes for the tests.
//
//===----------------------------------------------------------------------===//

#include "Frameworks.h"

namespace clang::tidy::async::analysis {

namespace {

Combiner call(std::string Function, std::string Header) {
  Combiner C;
  C.Function = std::move(Function);
  C.Header = std::move(Header);
  C.DisplayName = "'" + C.Function + "'";
  return C;
}

Combiner asioAnd(llvm::StringRef Prefix) {
  Combiner C;
  C.Form = Combiner::Style::AsioAnd;
  C.Header =
      ("<" + Prefix + "asio/experimental/awaitable_operators.hpp>").str();
  C.UsingNamespace = (Prefix.empty() ? "asio" : "boost::asio") +
                     std::string("::experimental::awaitable_operators");
  C.DisplayName = "'operator&&' (" +
                  std::string(Prefix.empty() ? "asio" : "boost::asio") +
                  " awaitable_operators)";
  // void && T is T, T && U is std::tuple<T, U>.
  C.VoidHasSlot = false;
  C.SingleSlotUnwrapped = true;
  return C;
}

RangeCombiner range(std::string Function, std::string Header,
                    std::string ValueMethod = "",
                    bool VoidResultIsVoid = false) {
  RangeCombiner C;
  C.Function = std::move(Function);
  C.Header = std::move(Header);
  C.DisplayName = "'" + C.Function + "'";
  C.ValueMethod = std::move(ValueMethod);
  C.VoidResultIsVoid = VoidResultIsVoid;
  return C;
}

SettledCombiner settled(std::string Function, std::string Header,
                        std::string ValueMethod) {
  SettledCombiner C;
  C.Function = std::move(Function);
  C.Header = std::move(Header);
  C.ValueMethod = std::move(ValueMethod);
  C.DisplayName = "'" + C.Function + "'";
  return C;
}

std::vector<FrameworkProfile> makeProfiles() {
  std::vector<FrameworkProfile> Profiles;
  auto Add = [&](Framework Id, std::string Name) -> FrameworkProfile & {
    FrameworkProfile &P = Profiles.emplace_back();
    P.Id = Id;
    P.Name = std::move(Name);
    return P;
  };
  using S = StartPolicy;

  {
    FrameworkProfile &P = Add(Framework::Awl, "awl");
    P.Namespaces = {"awl"};
    P.TaskTypes = {{"awl::Promise", S::Eager}};
    P.Barriers = "awl::sleep;awl::post;awl::queue_microtask";
    P.WhenAll = call("awl::when_all", "<awl/when_all.hpp>");
    P.RangeWhenAll = range("awl::when_all", "<awl/when_all.hpp>");
    P.Settled =
        settled("awl::when_all_settled", "<awl/when_all_settled.hpp>", "get");
    P.Settled->TakesRange = true;
  }
  for (bool Boost : {false, true}) {
    std::string Ns = Boost ? "boost::asio" : "asio";
    FrameworkProfile &P = Add(Boost ? Framework::BoostAsio : Framework::Asio,
                              Boost ? "Boost.Asio" : "asio");
    P.Namespaces = {Ns};
    // awaitable<T> is lazy; deferred operations start when awaited.
    P.TaskTypes = {{Ns + "::awaitable", S::Lazy},
                   {Ns + "::experimental::deferred_async_operation", S::Lazy},
                   {Ns + "::deferred_async_operation", S::Lazy},
                   {Ns + "::experimental::coro", S::Lazy},
                   {Ns + "::experimental::promise", S::Eager}};
    // Scheduling and synchronisation: each entry is a name under Ns.
    for (const char *Barrier :
         {"::post", "::dispatch", "::defer", "::this_coro::.*",
          "::.*::async_wait", "::.*::async_receive", "::.*::async_send",
          "::.*::async_acquire", "::.*::async_lock"}) {
      if (!P.Barriers.empty())
        P.Barriers += ';';
      P.Barriers += Ns;
      P.Barriers += Barrier;
    }
    P.WhenAll = asioAnd(Boost ? "boost/" : "");
    P.DetachCalls = Ns + "::co_spawn";
  }
  {
    FrameworkProfile &P = Add(Framework::Cobalt, "Boost.Cobalt");
    P.Namespaces = {"boost::cobalt"};
    P.TaskTypes = {{"boost::cobalt::promise", S::Eager},
                   {"boost::cobalt::task", S::Lazy},
                   {"boost::cobalt::op", S::Lazy}};
    P.Barriers = "boost::cobalt::this_coro::.*;boost::cobalt::sleep;"
                 "boost::cobalt::.*channel.*::(read|write);"
                 "boost::cobalt::wait_group::.*;boost::cobalt::race;"
                 "boost::cobalt::left_race";
    // join: a void operand gives a placeholder slot (variant2::monostate);
    // all void operands give void.
    P.WhenAll = call("boost::cobalt::join", "<boost/cobalt/join.hpp>");
    P.RangeWhenAll = range("boost::cobalt::join", "<boost/cobalt/join.hpp>", "",
                           /*VoidResultIsVoid=*/true);
    // gather: each slot a system::result<T, std::exception_ptr>; value()
    // rethrows.
    P.Settled =
        settled("boost::cobalt::gather", "<boost/cobalt/gather.hpp>", "value");
    P.DetachCalls = "boost::cobalt::spawn;boost::cobalt::promise::detach";
    // A detached coroutine is made to run on its own; `+p` is the explicit
    // detach of a promise (accepted like a cast to void).
    P.FireAndForgetTypes = "boost::cobalt::detached";
  }
  {
    FrameworkProfile &P = Add(Framework::Libcoro, "libcoro");
    P.Namespaces = {"coro"};
    P.TaskTypes = {{"coro::task", S::Lazy}};
    P.Barriers = "coro::.*::(schedule|schedule_after|schedule_at|yield|"
                 "yield_for|yield_until|poll);"
                 "coro::.*mutex::.*;coro::semaphore.*::.*;coro::event::.*;"
                 "coro::latch::.*;coro::ring_buffer.*::.*;coro::queue.*::.*";
    // when_all never throws: each slot is a when_all_task whose
    // return_value() gives the value or rethrows.
    P.WhenAll = call("coro::when_all", "<coro/when_all.hpp>");
    P.WhenAll->ValueMethod = "return_value";
    P.WhenAll->SlotSuffix = "result";
    P.WhenAll->FailsFast = false;
    P.Settled =
        settled("coro::when_all", "<coro/when_all.hpp>", "return_value");
    P.RangeWhenAll =
        range("coro::when_all", "<coro/when_all.hpp>", "return_value");
    P.RangeWhenAll->FailsFast = false;
    P.DetachCalls = "coro::.*::spawn_detached;coro::.*::spawn";
  }
  {
    FrameworkProfile &P = Add(Framework::AsyncSimple, "async_simple");
    P.Namespaces = {"async_simple"};
    P.TaskTypes = {{"async_simple::coro::Lazy", S::Lazy},
                   {"async_simple::coro::RescheduleLazy", S::Lazy},
                   {"async_simple::Future", S::Eager}};
    P.Barriers = "async_simple::coro::sleep;async_simple::coro::dispatch;"
                 "async_simple::coro::.*Mutex::.*;"
                 "async_simple::coro::.*Semaphore.*::.*;"
                 "async_simple::coro::.*Latch::.*;"
                 "async_simple::coro::ConditionVariable.*::.*;"
                 "async_simple::coro::.*Channel.*::.*";
    // collectAll: each slot a Try<T>; value() gives the value or rethrows.
    P.WhenAll =
        call("async_simple::coro::collectAll", "<async_simple/coro/Collect.h>");
    P.WhenAll->ValueMethod = "value";
    P.WhenAll->FailsFast = false; // every operand finishes first
    P.RangeWhenAll = range("async_simple::coro::collectAll",
                           "<async_simple/coro/Collect.h>", "value");
    P.RangeWhenAll->FailsFast = false;
    P.Settled = settled("async_simple::coro::collectAll",
                        "<async_simple/coro/Collect.h>", "value");
    P.DetachCalls = "async_simple::coro::Lazy::start;"
                    "async_simple::coro::RescheduleLazy::start;"
                    "async_simple::coro::RescheduleLazy::detach";
  }
  {
    FrameworkProfile &P = Add(Framework::Seastar, "Seastar");
    P.Namespaces = {"seastar"};
    P.TaskTypes = {{"seastar::future", S::Eager}};
    P.Barriers = "seastar::sleep;seastar::sleep_abortable;seastar::yield;"
                 "seastar::later;seastar::coroutine::maybe_yield;"
                 "seastar::.*semaphore.*::.*;seastar::get_units;"
                 "seastar::with_semaphore;seastar::.*gate.*;"
                 "seastar::condition_variable::.*;seastar::smp::submit_to;"
                 "seastar::.*::invoke_on.*;seastar::.*mutex::.*";
    // when_all_succeed drops void results; the others form a tuple (one
    // value too: std::tuple<T>). It fails with an operand's exception after
    // every operand finished.
    P.WhenAll = call("seastar::when_all_succeed", "<seastar/core/when_all.hh>");
    P.WhenAll->VoidHasSlot = false;
    P.WhenAll->FailsFast = false;
    // when_all: a tuple of finished futures; get() gives each value or
    // rethrows its exception.
    P.Settled =
        settled("seastar::when_all", "<seastar/core/when_all.hh>", "get");
    P.RangeWhenAll = range("seastar::when_all_succeed",
                           "<seastar/core/when_all.hh>", "", true);
    P.RangeWhenAll->FailsFast = false;
    // Work is detached by discarding a future: (void)f();
  }
  {
    FrameworkProfile &P = Add(Framework::Cppcoro, "cppcoro");
    P.Namespaces = {"cppcoro"};
    P.TaskTypes = {{"cppcoro::task", S::Lazy},
                   {"cppcoro::shared_task", S::Lazy}};
    P.Barriers = "cppcoro::.*::schedule;cppcoro::.*::schedule_after;"
                 "cppcoro::.*::yield_for;cppcoro::.*mutex::.*;"
                 "cppcoro::.*event::.*;cppcoro::.*latch::.*;"
                 "cppcoro::.*barrier::.*;cppcoro::resume_on;"
                 "cppcoro::schedule_on";
    P.WhenAll = call("cppcoro::when_all", "<cppcoro/when_all.hpp>");
    P.WhenAll->FailsFast = false;
    P.RangeWhenAll = range("cppcoro::when_all", "<cppcoro/when_all.hpp>", "",
                           /*VoidResultIsVoid=*/true);
    P.RangeWhenAll->FailsFast = false;
    P.Settled = settled("cppcoro::when_all_ready",
                        "<cppcoro/when_all_ready.hpp>", "result");
  }
  {
    FrameworkProfile &P = Add(Framework::Folly, "folly::coro");
    P.Namespaces = {"folly"};
    P.TaskTypes = {{"folly::coro::Task", S::Lazy},
                   {"folly::coro::TaskWithExecutor", S::Lazy},
                   {"folly::SemiFuture", S::Eager},
                   {"folly::Future", S::Eager}};
    P.Barriers = "folly::coro::sleep;folly::coro::sleepReturnEarlyOnCancel;"
                 "folly::coro::co_reschedule_on_current_executor;"
                 "folly::coro::co_current_executor;folly::coro::.*Baton.*;"
                 "folly::coro::.*Mutex::.*;folly::coro::.*Semaphore::.*;"
                 "folly::coro::co_withExecutor";
    P.WhenAll = call("folly::coro::collectAll", "<folly/coro/Collect.h>");
    P.RangeWhenAll =
        range("folly::coro::collectAllRange", "<folly/coro/Collect.h>", "",
              /*VoidResultIsVoid=*/true);
    P.Settled = settled("folly::coro::collectAllTry", "<folly/coro/Collect.h>",
                        "value");
    P.DetachCalls = "folly::coro::.*::start;folly::coro::co_withExecutor";
  }
  {
    FrameworkProfile &P = Add(Framework::QCoro, "QCoro");
    P.Namespaces = {"QCoro"};
    P.ActsOnArgumentsOnly = false;
    P.TaskTypes = {{"QCoro::Task", S::Eager}};
    P.Barriers = "QCoro::sleepFor;QCoro::sleepUntil;QCoro::moveToThread;"
                 "QCoro::.*::waitFor.*";
    // No when_all in QCoro: eager tasks are started first instead.
  }
  {
    FrameworkProfile &P = Add(Framework::Drogon, "drogon");
    P.Namespaces = {"drogon"};
    P.ActsOnArgumentsOnly = false;
    P.TaskTypes = {{"drogon::Task", S::Lazy}, {"drogon::AsyncTask", S::Eager}};
    P.Barriers = "drogon::sleepCoro;drogon::queueInLoopCoro;"
                 "drogon::switchThreadCoro;drogon::.*Mutex.*::.*";
    // drogon::when_all (drogon >= 1.9.12): a void operand gives a
    // std::false_type slot; it rethrows the first exception.
    P.WhenAll = call("drogon::when_all", "<drogon/utils/coroutine.h>");
    P.WhenAll->FailsFast = false;
    P.RangeWhenAll = range("drogon::when_all", "<drogon/utils/coroutine.h>", "",
                           /*VoidResultIsVoid=*/true);
    P.RangeWhenAll->FailsFast = false;
    // Both reach an operand through operator co_await: Task<T>, not the
    // awaiters execSqlCoro, execCommandCoro and sendRequestCoro return.
    P.WhenAll->NeedsCoAwaitOperator = true;
    P.RangeWhenAll->NeedsCoAwaitOperator = true;
    P.DetachCalls = "drogon::async_run";
    // AsyncTask has no co_await; its unhandled_exception is fatal.
    P.FireAndForgetTypes = "drogon::AsyncTask";
  }
  {
    FrameworkProfile &P = Add(Framework::DPP, "DPP");
    P.Namespaces = {"dpp"};
    P.ActsOnArgumentsOnly = false; // its calls reach Discord's REST API
    // task and async start at once; coroutine when awaited.
    P.TaskTypes = {{"dpp::task", S::Eager},
                   {"dpp::async", S::Eager},
                   {"dpp::coroutine", S::Lazy}};
    P.Barriers = "dpp::.*::co_sleep;dpp::when_any";
    // No when_all in DPP: eager tasks are started first instead.
  }
  return Profiles;
}

} // namespace

llvm::ArrayRef<FrameworkProfile> frameworkProfiles() {
  static const std::vector<FrameworkProfile> Profiles = makeProfiles();
  return Profiles;
}

} // namespace clang::tidy::async::analysis

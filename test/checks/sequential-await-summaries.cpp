// Effects of other files' functions, from their summaries (the Summaries
// option, the driver's --summaries and --read-summaries): session.cpp
// defines every function this file awaits, and its summary says what each
// reads and writes, whether it suspends, and what overrides a virtual call
// may run. With it, the checks stop grouping calls one of which writes what
// the other reads, stop reporting awaits of coroutines that never suspend,
// and group an ordering step whose effects are known not to matter (with the
// fix on a note: a change in the other file can make the summary wrong).
//
// RUN: rm -rf %t.sum
// RUN: %awaitlint --quiet --warnings-as-errors=-* --checks='-*,async-unhandled-rejection' --export-summaries=%t.sum %inputs/summaries/session.cpp %inputs/summaries/ledger.cpp -- %awl_flags -I %inputs/summaries > /dev/null
// RUN: cat %t.sum/*.awlsum | %FileCheck %s --check-prefix=SUMMARY
// SUMMARY: awaitlint summary 2
// SUMMARY-DAG: E	next_ticket()	known,coroutine,suspends	R:ticket_counter	W:ticket_counter
// SUMMARY-DAG: E	current_ticket()	known,coroutine,suspends	R:ticket_counter
// SUMMARY-DAG: E	warm_cache(int)	known,coroutine,suspends	W:*{{.*}}session.cpp:warmed
// SUMMARY-DAG: E	audit(int)	coroutine,suspends
// SUMMARY-DAG: E	tally(std::vector<int> &, int)	known,coroutine,suspends	r:0	w:0
// SUMMARY-DAG: E	quick_total(int)	known,coroutine{{$}}
// SUMMARY-DAG: E	MemoryStore::purge(int)	known,coroutine{{$}}
// SUMMARY-DAG: O	MemoryStore::purge(int)	Store::purge(int)
//
// With the summaries (the fixes on notes are applied, compiled):
// RUN: %check_async --fix-notes --config="{CheckOptions: {Summaries: '%t.sum'}}" %s async-sequential-await,async-await-in-loop %t -- -I %inputs/summaries
//
// Without them, the checks see only declarations: three false positives
// (tickets, quick_totals, purge_all) and two misses (warm_then_price,
// warm_then_ledger); defer_then_ticket is reported either way.
// RUN: %awaitlint --quiet --warnings-as-errors=-* --checks='-*,async-sequential-await,async-await-in-loop' %s -- %awl_flags -I %inputs/summaries 2>&1 | grep -E '^[^ ].*: warning: ' | %FileCheck %s --check-prefix=NONE --implicit-check-not=warning:
// NONE: sequential-await-summaries.cpp:[[# @LINE + 11]]:11: warning: 2 independent
// NONE: sequential-await-summaries.cpp:[[# @LINE + 63]]:3: warning: 2 independent
// NONE: sequential-await-summaries.cpp:[[# @LINE + 77]]:11: warning: 2 independent
// NONE: sequential-await-summaries.cpp:[[# @LINE + 93]]:11: warning: 2 independent
// NONE: sequential-await-summaries.cpp:[[# @LINE + 100]]:5: warning: co_await in a loop
// NONE: sequential-await-summaries.cpp:[[# @LINE + 106]]:14: warning: co_await in a loop
#include "session.hpp"
#include <vector>

// next_ticket writes the counter current_ticket reads.
awl::Promise<int> tickets() {
  int a = co_await next_ticket();
  int b = co_await current_ticket();
  co_return a + b;
}

// Awaited for its effect, but the effect (a static of session.cpp) is
// nothing price_of reads: not an ordering step.
awl::Promise<int> warm_then_price(int id) {
  co_await warm_cache(id);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 2 independent co_await expressions run one after another; start them together with 'awl::when_all' [async-sequential-await]
  int p = co_await price_of(id);
  // CHECK-FIXES: {{^}}  auto [warm_cache_done, p] = co_await awl::when_all(warm_cache(id), price_of(id));{{$}}
  co_return p;
}

// cache_hits reads the static warm_cache writes (another file's state).
awl::Promise<int> warm_then_hits() {
  co_await warm_cache(1);
  int h = co_await cache_hits();
  co_return h;
}

// A helper of this file whose body calls into session.cpp reads that
// static too, through the summary of what it calls.
awl::Promise<int> hits_via_helper() {
  co_return co_await awl::Promise<int>::resolve(hits_now());
}
awl::Promise<int> warm_then_helper() {
  co_await warm_cache(2);
  int h = co_await hits_via_helper();
  co_return h;
}

// A static of session.cpp and a static of ledger.cpp are two objects.
awl::Promise<int> warm_then_ledger(int id) {
  co_await warm_cache(id);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 2 independent co_await expressions run one after another; start them together with 'awl::when_all' [async-sequential-await]
  int n = co_await ledger_size();
  // CHECK-FIXES: {{^}}  auto [warm_cache_done, n] = co_await awl::when_all(warm_cache(id), ledger_size());{{$}}
  co_return n;
}

// audit calls a function defined in no file: an ordering step still.
awl::Promise<int> audit_then_price(int id) {
  co_await audit(id);
  int p = co_await price_of(id);
  co_return p;
}

// An answer to an event whose body is in no summary acts on what it is
// handed (AcknowledgementCalls): next_ticket's write of a global is
// nothing it reads.
awl::Promise<int> defer_then_ticket(Event &ev) {
  co_await acknowledge(ev);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 2 independent co_await expressions run one after another; start them together with 'awl::when_all' [async-sequential-await]
  int t = co_await next_ticket();
  // CHECK-FIXES: {{^}}  auto [acknowledge_done, t] = co_await awl::when_all(acknowledge(ev), next_ticket());{{$}}
  co_return t;
}

// Any other call in no summary may read the global next_ticket writes.
awl::Promise<int> record_then_ticket(int id) {
  co_await record(id);
  int t = co_await next_ticket();
  co_return t;
}

awl::Promise<int> price_and_stock(int a, int b) {
  int p = co_await price_of(a);
  // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: 2 independent co_await expressions run one after another; start them together with 'awl::when_all' [async-sequential-await]
  int s = co_await stock_of(b);
  // CHECK-FIXES: {{^}}  auto [p, s] = co_await awl::when_all(price_of(a), stock_of(b));{{$}}
  co_return p + s;
}

// Both write the vector they are handed.
awl::Promise<int> tallies() {
  std::vector<int> seen;
  int a = co_await tally(seen, 1);
  int b = co_await tally(seen, 2);
  co_return a + b + static_cast<int>(seen.size());
}

// quick_total never suspends: started together, it saves nothing.
awl::Promise<int> quick_totals() {
  int a = co_await quick_total(1);
  int b = co_await quick_total(2);
  co_return a + b;
}

// The only override of Store::purge never suspends.
awl::Promise<void> purge_all(std::vector<Store *> stores) {
  for (Store *store : stores)
    co_await store->purge(1);
}

// The only override of Feed::pull suspends: reported as before.
awl::Promise<int> pull_all(std::vector<Feed *> feeds) {
  int total = 0;
  for (Feed *feed : feeds)
    total += co_await feed->pull(1);
  // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: co_await in a loop runs the iterations one after another; start them together and await once with 'awl::when_all' [async-await-in-loop]
  co_return total;
}

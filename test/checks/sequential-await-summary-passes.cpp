// Summaries one file deep, then two (awaitlint --summary-passes=N; by hand,
// --export-summaries=NEXT --read-summaries=LAST): front.cpp's coroutines
// call back.cpp's functions. The first pass knows those calls only as
// calls into another file, so next_number and remember_later are "unknown"
// in it; the second pass reads back.cpp's summary and knows that
// next_number writes shared_counter and remember_later a static of
// back.cpp.
//
// RUN: rm -rf %t.p1 %t.p2 %t.drv
// RUN: %awaitlint --quiet --warnings-as-errors=-* --checks='-*,async-unhandled-rejection' --export-summaries=%t.p1 %inputs/summary-passes/front.cpp %inputs/summary-passes/back.cpp -- %awl_flags -I %inputs/summary-passes > /dev/null
// RUN: %awaitlint --quiet --warnings-as-errors=-* --checks='-*,async-unhandled-rejection' --read-summaries=%t.p1 --export-summaries=%t.p2 %inputs/summary-passes/front.cpp %inputs/summary-passes/back.cpp -- %awl_flags -I %inputs/summary-passes > /dev/null
// RUN: cat %t.p1/*.awlsum | %FileCheck %s --check-prefix=PASS1
// PASS1-DAG: E	next_number()	coroutine,suspends{{$}}
// PASS1-DAG: E	remember_later(int)	coroutine,suspends{{$}}
// PASS1-DAG: E	read_number()	known,coroutine,suspends	R:shared_counter
// PASS1-DAG: E	bump_counter()	known	R:shared_counter	W:shared_counter
// RUN: cat %t.p2/*.awlsum | %FileCheck %s --check-prefix=PASS2
// PASS2-DAG: E	next_number()	known,coroutine,suspends	R:shared_counter	W:shared_counter
// PASS2-DAG: E	remember_later(int)	known,coroutine,suspends	W:*{{.*}}back.cpp:remembered
//
// With two passes (the fix on a note is applied and compiled):
// RUN: %check_async --fix-notes --config="{CheckOptions: {Summaries: '%t.p2'}}" %s async-sequential-await %t -- -I %inputs/summary-passes
//
// With one: a false positive (numbers) and a miss (remember_then_price).
// RUN: %awaitlint --quiet --warnings-as-errors=-* --checks='-*,async-sequential-await' --read-summaries=%t.p1 %s -- %awl_flags -I %inputs/summary-passes 2>&1 | grep -E '^[^ ].*: warning: ' | %FileCheck %s --check-prefix=ONE --implicit-check-not=warning:
// ONE: sequential-await-summary-passes.cpp:[[# @LINE + 14]]:11: warning: 2 independent
//
// The driver's --summary-passes=2 writes what the two runs by hand wrote.
// RUN: %awaitlint --quiet --warnings-as-errors=-* --checks='-*,async-sequential-await' --summaries=%t.drv --summary-passes=2 %s %inputs/summary-passes/front.cpp %inputs/summary-passes/back.cpp -- %awl_flags -I %inputs/summary-passes > /dev/null 2>&1
// RUN: cat %t.drv/*.awlsum | %FileCheck %s --check-prefix=PASS2
// RUN: %not %awaitlint --summary-passes=2 %s -- %awl_flags 2>&1 | %FileCheck %s --check-prefix=NEEDS
// NEEDS: error: --summary-passes needs --summaries
// RUN: %not %awaitlint --summaries=%t.drv --summary-passes=0 %s -- %awl_flags 2>&1 | %FileCheck %s --check-prefix=RANGE
// RUN: %not %awaitlint --summaries=%t.drv --summary-passes=x %s -- %awl_flags 2>&1 | %FileCheck %s --check-prefix=RANGE
// RANGE: error: --summary-passes={{0|x}}: expected a number from 1 to 16
#include "chain.hpp"

// next_number writes the counter read_number reads (in back.cpp).
awl::Promise<int> numbers() {
  int a = co_await next_number();
  int b = co_await read_number();
  co_return a + b;
}

// remember_later's effect (a static of back.cpp) is nothing price reads:
// not an ordering step.
awl::Promise<int> remember_then_price(int id) {
  co_await remember_later(id);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 2 independent co_await expressions run one after another; start them together with 'awl::when_all' [async-sequential-await]
  int p = co_await price(id);
  // CHECK-FIXES: {{^}}  auto [remember_later_done, p] = co_await awl::when_all(remember_later(id), price(id));{{$}}
  co_return p;
}

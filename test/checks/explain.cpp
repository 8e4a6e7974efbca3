// awaitlint --explain: for the coroutines whose names match, every await,
// what each depends on and why, the findings with the awaits they cover,
// and the checks' reasons; as text and as a Graphviz graph.
// RUN: %awaitlint --explain=dashboard %s -- %awl_flags > %t.txt
// RUN: %FileCheck %s --check-prefix=TEXT --match-full-lines --strict-whitespace < %t.txt
// RUN: %FileCheck %s --check-prefix=SCOPE < %t.txt
// RUN: %awaitlint --explain=dashboard --explain-format=dot %s -- %awl_flags > %t.dot
// RUN: %FileCheck %s --check-prefix=DOT < %t.dot
// RUN: %dot -Tsvg %t.dot -o %t.svg
// RUN: %FileCheck %s --check-prefix=SVG < %t.svg
// RUN: %not %awaitlint --explain=no_such_function %s -- %awl_flags 2>&1 | %FileCheck %s --check-prefix=NONE
// RUN: %not %awaitlint --explain='(' %s -- %awl_flags 2>&1 | %FileCheck %s --check-prefix=REGEX
// RUN: %not %awaitlint --explain=dashboard --explain-format=xml %s -- %awl_flags 2>&1 | %FileCheck %s --check-prefix=FORMAT
#include "fetch_api.hpp"

void render(const User &user, int orders, int count);

awl::Promise<void> dashboard(int id, Database &db) {
  User user = co_await fetch_user(id);
  int orders = co_await fetch_orders(id);
  int count = co_await fetch_count(user.id);
  co_await db.query(id);
  co_await db.query(orders);
  render(user, orders, count);
}

awl::Promise<int> other(int id) {
  int a = co_await fetch_count(id);
  int b = co_await fetch_count(id + 1);
  co_return a + b;
}

// TEXT:coroutine dashboard  ({{.*}}explain.cpp:18-25)
// TEXT-NEXT:  awaits
// TEXT-NEXT:    A1   19:15  co_await fetch_user(id)
// TEXT-NEXT:                calls 'fetch_user' (awl::Promise, eager); result 'user'; reads 'id'
// TEXT-NEXT:    A2   20:16  co_await fetch_orders(id)
// TEXT-NEXT:                calls 'fetch_orders' (awl::Promise, eager); result 'orders'; reads 'id'
// TEXT-NEXT:    A3   21:15  co_await fetch_count(user.id)
// TEXT-NEXT:                calls 'fetch_count' (awl::Promise, eager); result 'count'; reads 'user'
// TEXT-NEXT:    A4    22:3  co_await db.query(id)
// TEXT-NEXT:                calls 'Database::query' (awl::Promise, eager); an ordering step (awaited for its effect); reads 'db', 'id'; writes 'db'
// TEXT-NEXT:    A5    23:3  co_await db.query(orders)
// TEXT-NEXT:                calls 'Database::query' (awl::Promise, eager); an ordering step (awaited for its effect); reads 'db', 'orders'; writes 'db'
// TEXT-NEXT:  order (each await against the earlier ones of its block)
// TEXT-NEXT:    A3 waits for A1: 'fetch_count' uses 'user', the result of 'fetch_user'
// TEXT-NEXT:    A4 waits for A1: 'Database::query' is awaited for its effect (its result is unused), and 'fetch_user' is a different operation
// TEXT-NEXT:    A4 waits for A2: 'Database::query' is awaited for its effect (its result is unused), and 'fetch_orders' is a different operation
// TEXT-NEXT:    A4 waits for A3: 'Database::query' is awaited for its effect (its result is unused), and 'fetch_count' is a different operation
// TEXT-NEXT:    A5 waits for A1: 'Database::query' is awaited for its effect (its result is unused), and 'fetch_user' is a different operation
// TEXT-NEXT:    A5 waits for A2: 'Database::query' uses 'orders', the result of 'fetch_orders'
// TEXT-NEXT:    A5 waits for A3: 'Database::query' is awaited for its effect (its result is unused), and 'fetch_count' is a different operation
// TEXT-NEXT:    A5 waits for A4: both act on 'db'
// TEXT-NEXT:    A2 need not wait for A1: independent
// TEXT-NEXT:    A3 need not wait for A2: independent
// TEXT-NEXT:  findings
// TEXT-NEXT:    19:15 [async-sequential-await] A1 A2: 2 independent co_await expressions run one after another; start them together with 'awl::when_all'
// TEXT-NEXT:  left alone
// TEXT-NEXT:    21:15 [async-sequential-await] starts a new group: 'fetch_count' uses 'user', the result of 'fetch_user'
// TEXT-NEXT:    22:3 [async-sequential-await] starts a new group: 'Database::query' is awaited for its effect (its result is unused), and 'fetch_count' is a different operation
// TEXT-NEXT:    23:3 [async-sequential-await] starts a new group: both act on 'db'
// TEXT-NEXT:    24:3 [async-sequential-await] ends the group: code between them calls 'render', which may have side effects
// SCOPE-NOT: coroutine other
// DOT: digraph awaitlint {
// DOT: subgraph cluster_f0 {
// DOT: f0_a0 [label="A1  line 19\nco_await fetch_user(id)"];
// DOT: f0_finding0 [shape=note
// DOT: f0_finding0 -> f0_a0 [style=dashed
// DOT: f0_finding0 -> f0_a1 [style=dashed
// DOT: f0_a0 -> f0_a2 [label="'fetch_count' uses 'user', the result\nof 'fetch_user'"];
// DOT-NOT: f0_a0 -> f0_a3 [label
// DOT: f0_a3 -> f0_a4 [label="both act on 'db'"];
// DOT: f0_a0 -> f0_a1 [style=dotted
// SVG: <svg
// SVG: A1 &#160;line 19
// NONE: awaitlint: no coroutine whose name matches the --explain pattern was found
// REGEX: awaitlint: error: --explain=(: invalid regular expression:
// FORMAT: awaitlint: error: --explain-format=xml: expected 'text' or 'dot'

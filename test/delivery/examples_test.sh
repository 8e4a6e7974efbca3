#!/usr/bin/env bash
# delivery.examples: README command 1 (scripts/demo.sh, set-up skipped) on
# examples/. The findings are exactly the expected five, and none is on the
# awaits that must stay ordered; --fix changes the four files it should and
# leaves the note-only fix alone; every fixed program builds and prints the
# same result, faster: on awl's virtual time exactly 300 -> 100, 540 -> 400
# and 490 -> 140 ms; the asio program on the wall clock 3 x 50 + 20 ms ->
# 50 + 20 ms, with a tolerance.
#
# Usage: examples_test.sh DEMO AWAITLINT WORKDIR
set -euo pipefail
demo=$1 driver=$2 work=$3
here=$(cd "$(dirname "$0")" && pwd)
examples=$(cd "$(dirname "$demo")/../examples" && pwd)
# shellcheck source=common.sh
source "$here/common.sh"

mkdir -p "$work"
out=$work/demo.out
# The examples' build directory is kept between runs (ninja rebuilds what
# changed); the fixed copy is made afresh by the demo.
code=0
AWAITLINT_DEMO_SKIP_SETUP=1 AWAITLINT_DEMO_BUILD_DIR="$work/build" AWAITLINT_DEMO_DRIVER="$driver" NO_COLOR=1 \
  bash "$demo" >"$out" 2>"$work/demo.err" || code=$?
[[ $code == 0 ]] || fail "the demo exited with $code:
$(cat "$out" "$work/demo.err")"
grep -q $'\e' "$out" && fail "colours in the output although stdout is not a terminal"

# --- the findings --------------------------------------------------------------
warnings=$(grep -E '^  [^ ].*: warning: ' "$out" || true)
[[ $(grep -c . <<<"$warnings") == 5 ]] || fail "expected 5 warnings, got:
$warnings"
for want in \
  "include/shop/dashboard.hpp:[0-9]+:[0-9]+: warning: 3 independent co_await expressions run one after another; start them together with 'awl::when_all' \[async-sequential-await\]" \
  "checkout/checkout.cpp:[0-9]+:[0-9]+: warning: 3 independent co_await expressions run one after another; start them together with 'awl::when_all' \[async-sequential-await\]" \
  "checkout/checkout.cpp:[0-9]+:[0-9]+: warning: the promise returned by 'send_receipt' is discarded: .* \[async-unhandled-rejection\]" \
  "reports/sales_report.cpp:[0-9]+:[0-9]+: warning: co_await in a loop runs the iterations one after another; .*'awl::when_all' \[async-await-in-loop\]" \
  "quotes/quotes.cpp:[0-9]+:[0-9]+: warning: 3 independent co_await expressions .*'operator&&' \(asio awaitable_operators\) \[async-sequential-await\]"; do
  grep -Eq "^  $want$" <<<"$warnings" || fail "missing finding: $want
in:
$warnings"
done
# The awaits that must stay ordered are not reported: sign-in before the calls
# that need the session, reserve before charge, the journal entries under
# the ledger's lock, the paginated export.
for spot in 'checkout/checkout.cpp:co_await sign_in(' 'checkout/checkout.cpp:co_await load_checkout_data(' \
  'checkout/checkout.cpp:co_await reserve_stock(' 'checkout/checkout.cpp:co_await charge_card(' \
  'checkout/checkout.cpp:co_await book_payment(' 'checkout/checkout.cpp:co_await append_ledger(' \
  'reports/sales_report.cpp:co_await fetch_export_page(' 'quotes/quotes.cpp:co_await place_order('; do
  file=${spot%%:*} text=${spot#*:}
  lines=$(grep -nF "$text" "$examples/$file" | cut -d: -f1)
  [[ -n $lines ]] || fail "no '$text' in examples/$file: update this test"
  for line in $lines; do
    ! grep -q "^  $file:$line:" <<<"$warnings" || fail "an ordered await is reported: $file:$line ($text)"
  done
done
grep -q '5 finding(s) in 8 TUs: 4 fixed by --fix; 1 with the fix on a note' "$out" || fail "summary: $(grep 'finding(s)' "$out")"

# --- the fixes -------------------------------------------------------------------
grep -q '^   fixes applied to 4 file(s)$' "$out" || fail "--fix: $(grep 'fixes applied' "$out")"
for want in '^  \+  auto \[user, orders, stats\] = co_await awl::when_all\(get_user\(user_id\), get_orders\(user_id\), get_stats\(user_id\)\);$' \
  '^  \+  auto \[cart, address, points\] = co_await awl::when_all\(' \
  '^  \+  auto region_sales_results = co_await awl::when_all\(std::move\(region_sales_tasks\)\);$' \
  '^  \+using namespace asio::experimental::awaitable_operators;$' \
  '^  \+  auto \[acme, globex, initech\] = co_await \(fetch_quote\("acme", sku\) && fetch_quote\("globex", sku\) && fetch_quote\("initech", sku\)\);$'; do
  grep -Eq "$want" "$out" || fail "the diff lacks: $want"
done
# The fire-and-forget receipt's fix is on a note: --fix leaves it alone.
! grep -q 'send_receipt' <(grep '^  [+-]' "$out") || fail "--fix applied the note-only fix of send_receipt"

# --- the programs, before and after ------------------------------------------------
# line PROGRAM N: the N-th line the program printed (1: as written, 2: fixed).
line() { grep -E "^  \[$1\] " "$out" | sed -n "$2p"; }
result() { line "$@" | sed -E 's/ -- [0-9]+ ms \(.*\)$//'; }
ms() { line "$@" | sed -E 's/.* -- ([0-9]+) ms \(.*\)$/\1/'; }
for p in dashboard checkout sales_report quotes; do
  [[ $(grep -cE "^  \[$p\] " "$out") == 2 ]] || fail "$p: expected a line before and after: $(grep -E "^  \[$p\]" "$out")"
  [[ $(result "$p" 1) == "$(result "$p" 2)" ]] || fail "$p computes something else after --fix:
  before: $(line "$p" 1)
  after:  $(line "$p" 2)"
  grep -Eq "^  $p +same " "$out" || fail "$p: the table does not say 'same'"
done
# The results are the programs' own, not empty ones.
grep -q '^  \[dashboard\] user=user-42 orders=126 stats=21.0 -- ' "$out" || fail "dashboard: $(line dashboard 1)"
grep -q '^  \[checkout\] payment=pay-4985 reservation=res-3 .* ledger=1001:-4985,4000:4985 -- ' "$out" ||
  fail "checkout: $(line checkout 1)"
grep -q '^  \[sales_report\] regions=8 orders=396 .* exported=242 -- ' "$out" || fail "sales_report: $(line sales_report 1)"
grep -q '^  \[quotes\] order=sku-42@globex price=1107 ' "$out" || fail "quotes: $(line quotes 1)"

# Virtual time is exact.
expect_ms() {
  [[ $(ms "$1" 1) == "$2" && $(ms "$1" 2) == "$3" ]] ||
    fail "$1: expected $2 -> $3 ms, got $(ms "$1" 1) -> $(ms "$1" 2) ms"
}
expect_ms dashboard 300 100
expect_ms checkout 540 400
expect_ms sales_report 490 140
# The wall clock is not: three 50 ms quotes then a 20 ms order, 170 ms at
# least before; the quotes together afterwards, 70 ms at least, and at least
# 50 ms of the 100 ms saved must show even on a loaded machine.
before=$(ms quotes 1) after=$(ms quotes 2)
((before >= 170 && after >= 70 && after < 140 && before - after >= 50)) ||
  fail "quotes: expected about 170 -> 70 ms on the wall clock, got $before -> $after ms"

# The timelines (step 6): the dashboard's three calls end to end before the
# fix, stacked after it, both drawn on the 300 ms axis of the original.
timelines=$(sed -n '/^== timelines/,$p' "$out")
bar() { printf '█%.0s' $(seq "$1"); }
gap() { printf ' %.0s' $(seq "$1"); }
for want in "shop::get_stats    |$(gap 33)$(bar 17)| 100 ms" \
            "shop::get_stats    |$(bar 17)$(gap 33)| 100 ms" \
            "shop::fetch_loyalty_points |   $(bar 8)$(gap 39)| 120 ms"; do
  grep -qF "$want" <<<"$timelines" || fail "the timelines lack: $want
$timelines"
done
[[ $(grep -c '0  *300 ms$' <<<"$timelines") == 2 ]] || fail "the dashboard's timelines are not on one 300 ms axis"

echo "examples: 5 findings as expected; dashboard 300 -> 100 ms, checkout 540 -> 400 ms," \
  "sales_report 490 -> 140 ms (virtual), quotes $before -> $after ms (wall clock), same results"


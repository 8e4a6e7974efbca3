#!/usr/bin/env bash
# awaitlint-ci --fix on the sample project (three TUs sharing a header): one
# command fixes every TU and the shared header once; the program then builds,
# prints the same results, and runs faster on awl's virtual time (700 ms ->
# 300 ms; 100 ms with --fix-notes). Conflicting fixes of a header (two TUs
# that see it differently) are reported and nothing is applied.
#
# Usage: ci_fix_test.sh AWAITLINT-CI AWAITLINT AWL-INCLUDE WORKDIR
set -euo pipefail
ci=$1 driver=$2 awl_include=$3 work=$4
here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=common.sh
source "$here/common.sh"

rm -rf "$work"
mkdir -p "$work"
results() { grep -v '^elapsed' "$1"; }
elapsed() { sed -n 's/^elapsed //p' "$1"; }

cp -r "$here/sample" "$work/before"
build_and_run "$work/before" "$awl_include" "$work/before.txt"
[[ $(elapsed "$work/before.txt") == 700ms ]] || fail "before: $(cat "$work/before.txt")"

# --fix: the plain fixes (header, loop, pair); main's fixes are on notes.
for mode in fix fix-notes; do
  src=$work/$mode
  cp -r "$here/sample" "$src"
  write_db "$src" "$work/build-$mode" "$awl_include"
  flags=(--fix)
  [[ $mode == fix ]] || flags+=(--fix-notes)
  (cd "$src" && "$ci" --awaitlint "$driver" -p "$work/build-$mode" -j2 "${flags[@]}") \
    >"$work/$mode.out" 2>"$work/$mode.err" || fail "$mode: exit $?: $(cat "$work/$mode.err")"
  build_and_run "$src" "$awl_include" "$work/$mode.txt"
  [[ $(results "$work/$mode.txt") == "$(results "$work/before.txt")" ]] ||
    fail "$mode changed the results: $(cat "$work/$mode.txt")"
  # The shared header was fixed exactly once.
  [[ $(grep -c 'co_await awl::when_all(get_user(id), get_orders(id))' "$src/include/shop/backends.hpp") == 1 ]] ||
    fail "$mode: header: $(cat "$src/include/shop/backends.hpp")"
done
grep -q 'fixes applied to 3 file(s)' "$work/fix.err" || fail "fix: $(cat "$work/fix.err")"
cmp -s "$here/sample/src/main.cpp" "$work/fix/src/main.cpp" || fail "--fix applied a fix that is on a note"
[[ $(elapsed "$work/fix.txt") == 300ms ]] || fail "after --fix: $(cat "$work/fix.txt")"
grep -q 'fixes applied to 4 file(s)' "$work/fix-notes.err" || fail "fix-notes: $(cat "$work/fix-notes.err")"
[[ $(elapsed "$work/fix-notes.txt") == 100ms ]] || fail "after --fix-notes: $(cat "$work/fix-notes.txt")"
echo "fix: 700ms -> $(elapsed "$work/fix.txt") (--fix) -> $(elapsed "$work/fix-notes.txt") (--fix-notes), same results"

# Two TUs see one header with different types: their fixes of it conflict.
src=$work/conflict
cp -r "$here/sample" "$src"
rm "$src"/src/*.cpp
cat >"$src/include/shop/mixed.hpp" <<'CPP'
#pragma once
#include "shop/backends.hpp"
namespace shop {
using amount_t = SHOP_AMOUNT_T;
inline awl::Promise<long> two_orders() {
  amount_t a = co_await get_orders(1);
  int b = co_await get_orders(2);
  co_return a + b;
}
}  // namespace shop
CPP
echo '#include "shop/mixed.hpp"' >"$src/src/x.cpp"
echo '#include "shop/mixed.hpp"' >"$src/src/y.cpp"
write_db "$src" "$work/build-conflict" "$awl_include" x.cpp=-DSHOP_AMOUNT_T=int y.cpp=-DSHOP_AMOUNT_T=long
cp -r "$src/include" "$work/conflict-include-before"
code=0
(cd "$src" && "$ci" --awaitlint "$driver" -p "$work/build-conflict" -j2 --fix) >"$work/conflict.out" 2>"$work/conflict.err" || code=$?
[[ $code == 4 ]] || fail "conflict: exit $code: $(cat "$work/conflict.err")"
grep -q 'conflicting fixes' "$work/conflict.err" && grep -q 'mixed.hpp' "$work/conflict.err" ||
  fail "conflict report: $(cat "$work/conflict.err")"
diff -r "$work/conflict-include-before" "$src/include" >/dev/null || fail "a conflicting run changed files"

# A header whose TUs see the combinator differently: x.cpp includes only the
# header, y.cpp includes <awl/when_all.hpp> before it. The fix must be the
# same in both (the header's own includes decide), so it applies once, with
# the include, and both TUs compile.
src=$work/include-decision
rm -rf "$src" && mkdir -p "$src/include" "$src/src"
cat >"$src/include/pair.hpp" <<'CPP'
#pragma once
#include <awl/promise.hpp>
#include <awl/sleep.hpp>
inline awl::Promise<int> get_a() { co_await awl::sleep(100); co_return 1; }
inline awl::Promise<int> get_b() { co_await awl::sleep(100); co_return 2; }
inline awl::Promise<int> sum() {
  int a = co_await get_a();
  int b = co_await get_b();
  co_return a + b;
}
CPP
printf '#include "pair.hpp"\nint x_value();\n' >"$src/src/x.cpp"
printf '#include <awl/when_all.hpp>\n#include "pair.hpp"\nint y_value();\n' >"$src/src/y.cpp"
write_db "$src" "$work/build-include" "$awl_include"
(cd "$src" && "$ci" --awaitlint "$driver" -p "$work/build-include" -j2 --fix --header-filter='.*pair.*') \
  >"$work/include.out" 2>"$work/include.err" || fail "include decision: $(cat "$work/include.err")"
grep -q 'awl::when_all(get_a(), get_b())' "$src/include/pair.hpp" || fail "pair.hpp not fixed: $(cat "$src/include/pair.hpp")"
[[ $(grep -c 'include <awl/when_all.hpp>' "$src/include/pair.hpp") == 1 ]] ||
  fail "pair.hpp must include <awl/when_all.hpp> once: $(cat "$src/include/pair.hpp")"
for f in x y; do
  clang++-22 -std=c++20 -fsyntax-only -I"$awl_include" -I"$src/include" "$src/src/$f.cpp" ||
    fail "$f.cpp does not compile after the fix"
done

# Options that only make sense with --fix.
code=0
"$ci" --awaitlint "$driver" -p "$work/build-fix" --fix-notes >/dev/null 2>"$work/usage.err" || code=$?
[[ $code == 2 ]] && grep -q 'go with --fix' "$work/usage.err" || fail "--fix-notes alone: exit $code"
echo "ci-fix: all checks passed"

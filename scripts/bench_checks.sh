#!/usr/bin/env bash
# What the async-* checks cost on top of clang-tidy's own parse: each input is
# run with a baseline check set and with the baseline plus async-*,
# side by side, R times each; the minimum process CPU time (user+sys) is kept.
# Inputs: the lit test corpus, asio's coroutine examples (libasio-doc) and
# headers, and generated coroutines with N = 100, 1 000, 10 000 awaits.
# Last: --fix versus --export-fixes + clang-apply-replacements-22 on N
# generated findings (FIX_SIZES, default "500 5000").
# Usage: scripts/bench_checks.sh [AWAITLINT] [REPS]
set -euo pipefail
cd "$(dirname "$0")/.."
awaitlint=${1:-build/bin/awaitlint}
reps=${2:-3}
[[ -x $awaitlint ]] || { echo "bench_checks: no $awaitlint (build the default preset first)" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# With no check enabled clang-tidy exits without parsing, so the baseline
# enables one near-free check (a comment handler, no AST matcher).
baseline='-*,misc-misleading-bidirectional'
asio_flags=(-DASIO_HAS_CO_AWAIT=1 -DASIO_HAS_STD_COROUTINE=1)
common=(-std=c++20 -Iruntime/include -Itest/checks/Inputs "${asio_flags[@]}")

# CPU seconds of one run (user + sys), the minimum over $reps runs.
cpu_of() {
  local best="" t
  for ((i = 0; i < reps; i++)); do
    t=$( { TIMEFORMAT='%U %S'; time "$awaitlint" --quiet "$@" >/dev/null 2>&1; } 2>&1 | awk '{print $1 + $2}')
    if [[ -z $best ]] || awk -v a="$t" -v b="$best" 'BEGIN{exit !(a < b)}'; then best=$t; fi
  done
  echo "$best"
}

# Sums the bare and checked CPU time over a list of files.
measure_set() {
  local label=$1; shift
  local bare=0 checked=0 b c
  for file in "$@"; do
    b=$(cpu_of --checks="$baseline" "$file" -- "${common[@]}")
    c=$(cpu_of --checks="$baseline,async-*" "$file" -- "${common[@]}")
    bare=$(awk -v x="$bare" -v y="$b" 'BEGIN{print x + y}')
    checked=$(awk -v x="$checked" -v y="$c" 'BEGIN{print x + y}')
  done
  awk -v l="$label" -v n=$# -v b="$bare" -v c="$checked" \
    'BEGIN{printf "%-28s %6d %10.2f %10.2f %+8.1f%%\n", l, n, b, c, (c - b) / b * 100}'
}

# N awaits in coroutines of 10: five independent fetches, then a dependent chain of five.
generate() {
  local n=$1 file=$2
  {
    echo '#include <awl/awl.hpp>'
    echo 'awl::Promise<int> fetch(int id);'
    for ((f = 0; f < n / 10; f++)); do
      echo "awl::Promise<int> coroutine_$f(int seed) {"
      for ((i = 0; i < 5; i++)); do echo "  int a$i = co_await fetch(seed + $i);"; done
      echo "  int b0 = co_await fetch(a0 + a1 + a2 + a3 + a4);"
      for ((i = 1; i < 5; i++)); do echo "  int b$i = co_await fetch(b$((i - 1)));"; done
      echo "  co_return b4;"
      echo "}"
    done
  } >"$file"
}

echo "awaitlint: $awaitlint; CPU seconds, minimum of $reps runs"
printf "%-28s %6s %10s %10s %9s\n" "input" "files" "baseline" "+async-*" "overhead"
mapfile -t corpus < <(ls test/checks/*.cpp)
measure_set "lit test corpus" "${corpus[@]}"
mapfile -t asio_examples < <(ls /usr/share/doc/libasio-dev/examples/cpp17/coroutines_ts/*.cpp 2>/dev/null || true)
if ((${#asio_examples[@]} > 0)); then
  measure_set "asio coroutine examples" "${asio_examples[@]}"
else
  echo "asio coroutine examples: missing (apt-get install libasio-doc)"
fi
printf '#include <asio.hpp>\n#include <asio/experimental/awaitable_operators.hpp>\n' >"$work/asio_headers.cpp"
measure_set "asio headers" "$work/asio_headers.cpp"

echo
printf "%-28s %10s %10s %9s %14s\n" "generated awaits" "baseline" "+async-*" "overhead" "us per await"
first_per_await=""
for n in 100 1000 10000; do
  generate "$n" "$work/gen_$n.cpp"
  b=$(cpu_of --checks="$baseline" "$work/gen_$n.cpp" -- "${common[@]}")
  c=$(cpu_of --checks="$baseline,async-*" "$work/gen_$n.cpp" -- "${common[@]}")
  per=$(awk -v b="$b" -v c="$c" -v n="$n" 'BEGIN{printf "%.2f", (c - b) / n * 1e6}')
  first_per_await=${first_per_await:-$per}
  awk -v n="$n" -v b="$b" -v c="$c" -v p="$per" \
    'BEGIN{printf "N = %-24d %10.2f %10.2f %+8.1f%% %14s\n", n, b, c, (c - b) / b * 100, p}'
done
# The largest file again with every diagnostic dropped before it is rendered
# (a --line-filter that names no file): the analysis alone, without the
# text of its 1 000 warnings and their notes.
quiet_filter='--line-filter=[{"name":"no-such-file.cpp"}]'
b=$(cpu_of "$quiet_filter" --checks="$baseline" "$work/gen_10000.cpp" -- "${common[@]}")
c=$(cpu_of "$quiet_filter" --checks="$baseline,async-*" "$work/gen_10000.cpp" -- "${common[@]}")
awk -v b="$b" -v c="$c" \
  'BEGIN{printf "%-28s %10.2f %10.2f %+8.1f%%\n", "N = 10000, nothing rendered", b, c, (c - b) / b * 100}'
echo "(goals: overhead <= 5 %; us per await at N = 10 000 within 1.5x of N = 100)"

# Applying fixes: N coroutines with one sequential-await finding each, fixed
# by --fix in one process versus --export-fixes then clang-apply-replacements
# (both end in clang-format's cleanup); the two results must be identical.
echo
printf "%-28s %10s %10s %10s %9s\n" "findings fixed" "--fix" "export" "+apply" "ratio"
fix_gen() {
  local n=$1 file=$2
  {
    echo '#include <awl/awl.hpp>'
    echo 'awl::Promise<int> fetch(int id);'
    for ((f = 0; f < n; f++)); do
      echo "awl::Promise<int> c_$f(int s) {"
      echo "  int a = co_await fetch(s);"
      echo "  int b = co_await fetch(s + 1);"
      echo "  co_return a + b;"
      echo "}"
    done
  } >"$file"
}
wall() { local s e; s=$(date +%s.%N); "$@" >/dev/null 2>&1 || true; e=$(date +%s.%N); awk -v s="$s" -v e="$e" 'BEGIN{printf "%.2f", e - s}'; }
for n in ${FIX_SIZES:-500 5000}; do
  mkdir -p "$work/fix_$n/by_fix" "$work/fix_$n/by_export"
  fix_gen "$n" "$work/fix_$n/by_fix/gen.cpp"
  cp "$work/fix_$n/by_fix/gen.cpp" "$work/fix_$n/by_export/gen.cpp"
  t_fix=$(wall "$awaitlint" --quiet --checks='-*,async-*' --fix "$work/fix_$n/by_fix/gen.cpp" -- "${common[@]}")
  t_export=$(wall "$awaitlint" --quiet --checks='-*,async-*' --export-fixes="$work/fix_$n/by_export/fixes.yaml" "$work/fix_$n/by_export/gen.cpp" -- "${common[@]}")
  t_apply=$(wall clang-apply-replacements-22 "$work/fix_$n/by_export")
  same=identical
  cmp -s "$work/fix_$n/by_fix/gen.cpp" "$work/fix_$n/by_export/gen.cpp" || same=DIFFERENT
  awk -v n="$n" -v f="$t_fix" -v x="$t_export" -v a="$t_apply" -v s="$same" \
    'BEGIN{printf "N = %-24d %10.2f %10.2f %10.2f %8.2fx  (%s)\n", n, f, x, a, f / (x + a), s}'
done
echo "(goal: --fix about as fast as export + apply, ratio <= 1.1; wall seconds)"

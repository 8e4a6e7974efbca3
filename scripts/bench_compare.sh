#!/usr/bin/env bash
# Compares the awl runtime at two revisions on the same benchmarks, side by
# side in one script: awl_bench.cpp of the working tree is compiled (clang++-22
# -O2) once against BASE's runtime/include and once against the working
# tree's, then the two binaries run alternately ROUNDS times. Prints, per
# workload, size and phase, the medians over the rounds of each run's minimum
# ns per element, and new/base (1.00 = no change; the spread of base against
# itself, from its own rounds, shows the noise).
#
# Usage: scripts/bench_compare.sh [BASE_REV] [--rounds R] [--sizes N1,N2] [--filter NAME]
#   BASE_REV default HEAD (the last commit against uncommitted changes).
# Example: scripts/bench_compare.sh 3850286   # tracing off vs before tracing existed
set -euo pipefail
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
base=HEAD rounds=5 sizes=100000,1000000 filter=""
while (($#)); do
  case $1 in
    --rounds) rounds=$2; shift ;;
    --sizes) sizes=$2; shift ;;
    --filter) filter=$2; shift ;;
    -h|--help) sed -n '2,/^set /{/^#/p}' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    -*) echo "bench_compare.sh: unknown option $1" >&2; exit 2 ;;
    *) base=$1 ;;
  esac
  shift
done
git -C "$repo" rev-parse --verify -q "$base^{commit}" >/dev/null || { echo "bench_compare.sh: no revision $base" >&2; exit 2; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/base"
git -C "$repo" archive "$base" runtime/include | tar -x -C "$work/base"
build() {  # build NAME INCLUDE_DIR
  clang++-22 -std=c++20 -O2 -DNDEBUG -DAWL_BENCH_BUILD_TYPE='"bench_compare"' -I"$2" \
    "$repo/runtime/bench/awl_bench.cpp" -o "$work/$1"
}
build bench_base "$work/base/runtime/include" &
build bench_new "$repo/runtime/include"
wait

args=(--reps 3 --sizes "$sizes")
[[ -n $filter ]] && args+=(--filter "$filter")
for ((r = 1; r <= rounds; r++)); do
  "$work/bench_base" "${args[@]}" | grep '^awl ' | sed 's/^awl/base/' >>"$work/results"
  "$work/bench_new" "${args[@]}" | grep '^awl ' | sed 's/^awl/new/' >>"$work/results"
  echo "# round $r of $rounds done" >&2
done

echo "# base $(git -C "$repo" rev-parse --short "$base") vs working tree; $rounds alternating rounds; ns per element (median of the rounds' minima)"
awk '
  { key = $2 " " $3 " " $4; v[$1, key, ++n[$1, key]] = $5; keys[key] = 1 }
  function median(who, key,    i, m, a, t, j) {
    m = n[who, key]
    for (i = 1; i <= m; i++) a[i] = v[who, key, i]
    for (i = 1; i <= m; i++) for (j = i + 1; j <= m; j++) if (a[j] < a[i]) { t = a[i]; a[i] = a[j]; a[j] = t }
    return m % 2 ? a[(m + 1) / 2] : (a[m / 2] + a[m / 2 + 1]) / 2
  }
  function spread(who, key,    i, lo, hi) {
    lo = hi = v[who, key, 1]
    for (i = 2; i <= n[who, key]; i++) { if (v[who, key, i] < lo) lo = v[who, key, i]; if (v[who, key, i] > hi) hi = v[who, key, i] }
    return hi / lo
  }
  END {
    printf "%-34s %10s %10s %9s %13s\n", "workload N phase", "base ns", "new ns", "new/base", "base max/min"
    for (key in keys) if (key ~ / (whole|drain)$/) {
      b = median("base", key); w = median("new", key)
      printf "%-34s %10.2f %10.2f %9.2f %13.2f\n", key, b, w, w / b, spread("base", key)
    }
  }' "$work/results" | sort

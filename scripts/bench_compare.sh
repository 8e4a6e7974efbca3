#!/usr/bin/env bash
# Compares the awl runtime at two revisions on the same benchmarks, side by
# side in one script: awl_bench.cpp of the working tree is compiled (clang++-22
# -O2 -falign-functions=64) once against BASE's runtime/include and once against the working
# tree's, then the two binaries run alternately ROUNDS times. Prints, per
# workload, size and phase, the medians over the rounds of each run's minimum
# ns per element, and new/base (1.00 = no change; the spread of base against
# itself, from its own rounds, shows the noise).
#
# With --instructions, counts instructions instead of timing (valgrind's
# callgrind: deterministic, so a change of a few instructions shows even
# where the timings cannot): each workload named in --filter runs, with no
# warm-up, once and twice in one process at each of the two sizes N1 < N2
# of --sizes (default 100000,200000), under each binary. Twice minus once is
# one warm run (the pool already holds its blocks: nothing is carved); the
# warm runs' difference over N2 - N1 is the instructions per element of the
# whole job (build, run, destroy), with the fixed costs cancelled.
#
# Usage: scripts/bench_compare.sh [BASE_REV] [--rounds R] [--sizes N1,N2] [--filter NAME]
#        scripts/bench_compare.sh [BASE_REV] --instructions --filter NAME[,NAME...] [--sizes N1,N2]
#   BASE_REV default HEAD (the last commit against uncommitted changes).
#   With --instructions each NAME must match exactly one workload.
# Example: scripts/bench_compare.sh 3850286   # tracing off vs before tracing existed
#          scripts/bench_compare.sh e228f59 --instructions --filter co_await_fn,await_resolved
set -euo pipefail
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# shellcheck source=scripts/bench_common.sh
source "$repo/scripts/bench_common.sh"
base=HEAD rounds=5 sizes="" filter="" mode=time
while (($#)); do
  case $1 in
    --rounds) rounds=$2; shift ;;
    --sizes) sizes=$2; shift ;;
    --filter) filter=$2; shift ;;
    --instructions) mode=instructions ;;
    -h|--help) sed -n '2,/^set /{/^#/p}' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    -*) echo "bench_compare.sh: unknown option $1" >&2; exit 2 ;;
    *) base=$1 ;;
  esac
  shift
done
git -C "$repo" rev-parse --verify -q "$base^{commit}" >/dev/null || { echo "bench_compare.sh: no revision $base" >&2; exit 2; }
if [[ $mode == instructions ]]; then
  command -v valgrind >/dev/null || { echo "bench_compare.sh: --instructions needs valgrind" >&2; exit 2; }
  [[ -n $filter ]] || { echo "bench_compare.sh: --instructions needs --filter NAME[,NAME...]" >&2; exit 2; }
  sizes=${sizes:-100000,200000}
  IFS=, read -r n1 n2 rest <<<"$sizes"
  if [[ -z ${n2:-} || -n ${rest:-} || ! $n1 =~ ^[0-9]+$ || ! $n2 =~ ^[0-9]+$ ]] || ((n2 <= n1)); then
    echo "bench_compare.sh: --instructions needs --sizes N1,N2 with N1 < N2" >&2
    exit 2
  fi
fi
sizes=${sizes:-100000,1000000}

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/base"
git -C "$repo" archive "$base" runtime/include | tar -x -C "$work/base"
build_awl_bench "$work/bench_base" "$work/base/runtime/include" bench_compare &
build_awl_bench "$work/bench_new" "$repo/runtime/include" bench_compare
wait

# Instructions of a process running one workload REPS times at size N
# (awl_bench's own output must name exactly one workload).
instructions() {  # instructions WHO NAME N REPS
  local runs names sizes_run
  runs=$(valgrind --tool=callgrind --callgrind-out-file=/dev/null "$work/bench_$1" --filter "$2" --sizes "$3" \
    --reps "$4" --warmup 0 2>"$work/valgrind.log" | awk '/^awl / { print $2, $3 }' | sort -u)
  names=$(awk '{ print $1 }' <<<"$runs" | sort -u)
  if [[ $(wc -w <<<"$names") -ne 1 ]]; then
    echo "bench_compare.sh: --filter $2 matches $(wc -w <<<"$names") workloads (${names//$'\n'/ }), not one" >&2
    exit 2
  fi
  sizes_run=$(awk '{ print $2 }' <<<"$runs")
  if [[ $sizes_run != "$3" ]]; then
    echo "bench_compare.sh: $2 runs at a fixed N of $sizes_run, not $3: give --sizes at or below its N" >&2
    exit 2
  fi
  grep -o 'refs: *[0-9,]*' "$work/valgrind.log" | head -1 | tr -dc 0-9
}
# Instructions of one warm run: twice minus once, in one process each.
warm_run() {  # warm_run WHO NAME N
  local twice once
  twice=$(instructions "$1" "$2" "$3" 2) || exit 2
  once=$(instructions "$1" "$2" "$3" 1) || exit 2
  echo $((twice - once))
}
if [[ $mode == instructions ]]; then
  echo "# base $(git -C "$repo" rev-parse --short "$base") vs working tree; instructions per element of a warm run, whole job, (W($n2) - W($n1)) / ($n2 - $n1)"
  printf "%-20s %12s %12s %9s\n" workload "base instr" "new instr" new/base
  IFS=, read -r -a names <<<"$filter"
  for name in "${names[@]}"; do
    declare -A per=()
    for who in base new; do
      small=$(warm_run "$who" "$name" "$n1") || exit 2
      large=$(warm_run "$who" "$name" "$n2") || exit 2
      per[$who]=$(awk -v a="$small" -v b="$large" -v n1="$n1" -v n2="$n2" 'BEGIN { printf "%.1f", (b - a) / (n2 - n1) }')
    done
    printf "%-20s %12s %12s %9s\n" "$name" "${per[base]}" "${per[new]}" \
      "$(awk -v b="${per[base]}" -v w="${per[new]}" 'BEGIN { printf "%.2f", w / b }')"
  done
  exit 0
fi

args=(--reps 3 --sizes "$sizes")
[[ -n $filter ]] && args+=(--filter "$filter")
for ((r = 1; r <= rounds; r++)); do
  "$work/bench_base" "${args[@]}" | grep '^awl ' | sed 's/^awl/base/' >>"$work/results"
  "$work/bench_new" "${args[@]}" | grep '^awl ' | sed 's/^awl/new/' >>"$work/results"
  echo "# round $r of $rounds done" >&2
done

echo "# base $(git -C "$repo" rev-parse --short "$base") vs working tree; $rounds alternating rounds; ns per element (median of the rounds' minima)"
awk "$awk_median"'
  { key = $2 " " $3 " " $4; v[$1, key, ++n[$1, key]] = $5; keys[key] = 1 }
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

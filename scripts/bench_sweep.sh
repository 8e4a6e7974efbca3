#!/usr/bin/env bash
# Sweeps one compile-time constant of the awl runtime, side by side in one
# script: for each value, a copy of runtime/include with
# `constexpr <type> NAME = <old>` rewritten to the value is built into an
# awl_bench (built as bench_compare.sh builds it: scripts/bench_common.sh), then
# the binaries run in turn, ROUNDS times. Prints per value, size and phase the
# median over the rounds of each run's minimum ns per element, and the ratio
# to the first value. Used for the prefetch distances in
# detail/state_base.hpp (links_ahead) and detail/job_queue.hpp (distance).
#
# Usage: scripts/bench_sweep.sh --header PATH --constant NAME --values V1,V2,...
#                               --filter WORKLOAD [--sizes N1,N2,..] [--rounds R]
#   PATH     relative to runtime/include/awl, e.g. detail/state_base.hpp
#   NAME     a constexpr defined once in that header; each value replaces its
#            initialiser text up to the first ';' (e.g. `128 * sizeof(Job)`
#            needs the value `128 * sizeof(Job)`, quoted).
# Example: scripts/bench_sweep.sh --header detail/state_base.hpp --constant links_ahead \
#            --values 64,0,16,32,128 --filter then_chain --sizes 10000,100000,1000000
set -euo pipefail
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# shellcheck source=scripts/bench_common.sh
source "$repo/scripts/bench_common.sh"
header="" constant="" values="" filter="" sizes=100000,1000000 rounds=5
while (($#)); do
  case $1 in
    --header) header=$2; shift ;;
    --constant) constant=$2; shift ;;
    --values) values=$2; shift ;;
    --filter) filter=$2; shift ;;
    --sizes) sizes=$2; shift ;;
    --rounds) rounds=$2; shift ;;
    -h|--help) sed -n '2,/^set /{/^#/p}' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "bench_sweep.sh: unknown argument $1" >&2; exit 2 ;;
  esac
  shift
done
if [[ -z $header || -z $constant || -z $values || -z $filter ]]; then
  echo "bench_sweep.sh: --header, --constant, --values and --filter are all needed (see --help)" >&2
  exit 2
fi
[[ $constant =~ ^[A-Za-z_][A-Za-z0-9_]*$ ]] || { echo "bench_sweep.sh: --constant must be an identifier" >&2; exit 2; }
[[ $rounds =~ ^[1-9][0-9]*$ ]] || { echo "bench_sweep.sh: --rounds must be a positive number" >&2; exit 2; }
source_header="$repo/runtime/include/awl/$header"
[[ -f $source_header ]] || { echo "bench_sweep.sh: no header $source_header" >&2; exit 2; }
pattern="constexpr [A-Za-z_:]+ $constant = "
count=$(grep -cE "$pattern" "$source_header" || true)
if [[ $count -ne 1 ]]; then
  echo "bench_sweep.sh: '$constant' is defined $count times in $header, not once" >&2
  exit 2
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
IFS=, read -r -a value_list <<<"$values"
for i in "${!value_list[@]}"; do
  mkdir -p "$work/v$i"
  cp -r "$repo/runtime/include" "$work/v$i/"
  value=${value_list[$i]}
  # The value goes into a sed replacement: refuse what sed would read as syntax.
  if [[ $value == *[\|\&\\]* ]]; then
    printf '%s\n' "bench_sweep.sh: a value may not contain '|', '&' or a backslash" >&2
    exit 2
  fi
  sed -i -E "s|($pattern)[^;]*;|\\1$value;|" "$work/v$i/include/awl/$header"
  grep -qF "$constant = $value;" "$work/v$i/include/awl/$header" ||
    { echo "bench_sweep.sh: could not set $constant to $value" >&2; exit 2; }
done
for i in "${!value_list[@]}"; do
  build_awl_bench "$work/bench_$i" "$work/v$i/include" bench_sweep &
  # Two compilers at a time: the machine has two cores.
  if (((i + 1) % 2 == 0)); then wait; fi
done
wait

for ((r = 1; r <= rounds; r++)); do
  for i in "${!value_list[@]}"; do
    "$work/bench_$i" --reps 3 --sizes "$sizes" --filter "$filter" | grep '^awl ' | sed "s/^awl/$i/" >>"$work/results"
  done
  echo "# round $r of $rounds done" >&2
done

workloads=$(cut -d' ' -f2 "$work/results" | sort -u)
if [[ $(wc -w <<<"$workloads") -ne 1 ]]; then
  echo "bench_sweep.sh: --filter $filter matches $(wc -w <<<"$workloads") workloads (${workloads//$'\n'/ }), not one" >&2
  exit 2
fi
echo "# $constant in $header; $rounds rounds, the values in turn; ns per element (median of the rounds' minima)"
awk -v values="$values" "$awk_median"'
  BEGIN { nv = split(values, names, ",") }
  $4 ~ /^(whole|drain)$/ { key = $3 "\t" $4; v[$1, key, ++n[$1, key]] = $5; keys[key] = 1 }
  END {
    for (key in keys) for (i = 0; i < nv; i++)
      printf "%s\t%d\t%s\t%.2f\t%.2f\n", key, i, names[i + 1], median(i, key), median(i, key) / median(0, key)
  }' "$work/results" | sort -t$'\t' -k1,1n -k2,2 -k3,3n |
  awk -F'\t' 'BEGIN { printf "%-9s %-6s %-20s %8s %7s\n", "N", "phase", "value", "ns", "/first" }
               { printf "%-9s %-6s %-20s %8s %7s\n", $1, $2, $4, $5, $6 }'

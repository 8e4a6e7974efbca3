#!/usr/bin/env bash
# Builds the awl runtime benchmark driver, runs it and the same workloads in
# Node (runtime/bench/node_bench.js), and prints one table: awl vs Node ns per
# element (minimum over the repetitions) and node/awl ratios, then the goal
# checks (10x Node on whole jobs, no cliff across N, drain cost per microtask
# reaction / co_await resume, microtask drain vs a bare ring buffer).
#
# Usage: scripts/bench_runtime.sh [BUILD_DIR] [--quick] [--reps R] [--sizes N1,N2,..] [--filter NAME]
#                                [--processes K]
#   BUILD_DIR  default: <repo>/build if configured, else <repo>/build-bench
#              (configured as a Release build with benchmarks on, checks and
#              tests off: only awl_bench is needed).
#   --quick    sizes 1k..100k and 3 repetitions (default: 1k..1M, 9 repetitions);
#              options after it override it. --filter: a workload name or part of one.
#   --processes K  run each driver K times, awl and Node alternately (default 1), and
#              report per row the minimum of the processes' minima and the median of
#              their medians. On this VM one process's minimum can sit 1.5x above
#              another's for the same binary, so a ratio across N from one process
#              mixes in that process's luck. (Busy phases of the host last longer
#              than a run: compare runs made minutes apart too.)
# The raw outputs are kept in BUILD_DIR/bench-results/.
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build_dir=""
reps=9
sizes=1000,10000,100000,1000000
filter=""
processes=1
while (($#)); do
  case $1 in
    --quick) reps=3 sizes=1000,10000,100000 ;;
    --reps) reps=$2; shift ;;
    --sizes) sizes=$2; shift ;;
    --filter) filter=$2; shift ;;
    --processes) processes=$2; shift ;;
    -h|--help) sed -n '2,/^set /{/^#/p}' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    -*) echo "bench_runtime.sh: unknown option $1" >&2; exit 2 ;;
    *) build_dir=$1 ;;
  esac
  shift
done

[[ $processes =~ ^[1-9][0-9]*$ ]] || { echo "bench_runtime.sh: --processes takes a positive integer, not '$processes'" >&2; exit 2; }

if [[ -z $build_dir ]]; then
  if [[ -f $repo/build/CMakeCache.txt ]]; then build_dir=$repo/build; else build_dir=$repo/build-bench; fi
fi
build_dir=$(mkdir -p "$build_dir" && cd "$build_dir" && pwd)

if [[ -f $build_dir/CMakeCache.txt ]]; then
  cache_value() { sed -n "s/^$1:[A-Z]*=//p" "$build_dir/CMakeCache.txt"; }
  if [[ $(cache_value AWAITLINT_BUILD_BENCHMARKS) =~ ^(OFF|0|FALSE|NO)$ || -n $(cache_value AWAITLINT_SANITIZE) ]]; then
    echo "bench_runtime.sh: $build_dir has benchmarks off or a sanitizer on; pass another build dir" >&2
    exit 2
  fi
  build_type=$(cache_value CMAKE_BUILD_TYPE)
  echo "# reusing $build_dir (CMAKE_BUILD_TYPE=${build_type:-none}; awl_bench is compiled at -O2 regardless)"
else
  generator=()
  command -v ninja >/dev/null && generator=(-G Ninja)
  echo "# configuring a Release build in $build_dir"
  cmake -S "$repo" -B "$build_dir" "${generator[@]}" -DCMAKE_BUILD_TYPE=Release \
    -DAWAITLINT_BUILD_CHECKS=OFF -DAWAITLINT_BUILD_TESTS=OFF -DAWAITLINT_BUILD_BENCHMARKS=ON >/dev/null
fi
if ! build_log=$(cmake --build "$build_dir" -j2 --target awl_bench 2>&1); then
  echo "$build_log" >&2
  echo "bench_runtime.sh: building awl_bench in $build_dir failed (if CMake failed on unrelated" \
       "parts of the tree, pass a fresh build dir: it is configured with tests and checks off)" >&2
  exit 1
fi

out=$build_dir/bench-results
mkdir -p "$out"
args=(--reps "$reps" --sizes "$sizes")
[[ -n $filter ]] && args+=(--filter "$filter")

echo "# $(date -u '+%Y-%m-%d %H:%M:%S UTC')  $(nproc) cores: $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1)"
echo "# load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
# Run a fresh copy of the driver: on this VM, the page-cache placement of the
# linker-written file was seen to slow the microtask drain loop 2.5x (same
# bytes, different file); a file written by cp has not shown it so far.
rm -f "$out/awl_bench"
cp "$build_dir/bin/awl_bench" "$out/awl_bench"
echo "# awl:  $out/awl_bench ${args[*]}  (a copy of $build_dir/bin/awl_bench)"
echo "# node: node --expose-gc runtime/bench/node_bench.js ${args[*]}"
((processes == 1)) || echo "# each run in $processes processes, alternately; per row the minimum of their minima, the median of their medians"

# Merges K outputs of one driver: comment lines of the first, then per row
# (impl workload N phase) the least minimum and the median of the medians.
merge_runs() {
  awk '
    FNR == 1 { file++ }
    /^#/ { if (file == 1) print; next }
    NF >= 6 {
      key = $1 " " $2 " " $3 " " $4
      if (!(key in best)) { order[++rows] = key; best[key] = $5 }
      else if ($5 + 0 < best[key] + 0) best[key] = $5
      medians[key] = medians[key] " " $6
    }
    END {
      for (r = 1; r <= rows; r++) {
        key = order[r]
        n = split(medians[key], m, " ")
        for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (m[j] + 0 < m[i] + 0) { t = m[i]; m[i] = m[j]; m[j] = t }
        median = n % 2 ? m[(n + 1) / 2] : (m[n / 2] + m[n / 2 + 1]) / 2
        print key, best[key], median
      }
    }' "$@"
}

status=0
rm -f "$out"/awl.[0-9]*.txt "$out"/node.[0-9]*.txt
awl_runs=() node_runs=()
for ((k = 1; k <= processes; k++)); do
  "$out/awl_bench" "${args[@]}" >"$out/awl.$k.txt" || status=$?
  node --expose-gc "$repo/runtime/bench/node_bench.js" "${args[@]}" >"$out/node.$k.txt" || status=$?
  awl_runs+=("$out/awl.$k.txt") node_runs+=("$out/node.$k.txt")
done
merge_runs "${awl_runs[@]}" >"$out/awl.txt"
merge_runs "${node_runs[@]}" >"$out/node.txt"
echo "# load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
node "$repo/runtime/bench/report.js" "$out/awl.txt" "$out/node.txt" | tee "$out/table.txt"
if ((status != 0)); then
  echo "bench_runtime.sh: a benchmark computed a wrong result or failed (exit $status); see stderr above" >&2
  exit "$status"
fi

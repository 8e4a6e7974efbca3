#!/usr/bin/env bash
# Builds the awl runtime benchmark driver, runs it and the same workloads in
# Node (runtime/bench/node_bench.js), and prints one table: awl vs Node ns per
# element (minimum over the repetitions) and node/awl ratios, then the goal
# checks (10x Node on whole jobs, no cliff across N, drain cost per microtask
# reaction / co_await resume, microtask drain vs a bare ring buffer).
#
# Usage: scripts/bench_runtime.sh [BUILD_DIR] [--quick] [--reps R] [--sizes N1,N2,..] [--filter NAME]
#   BUILD_DIR  default: <repo>/build if configured, else <repo>/build-bench
#              (configured as a Release build with benchmarks on, checks and
#              tests off: only awl_bench is needed).
#   --quick    sizes 1k..100k and 3 repetitions (default: 1k..1M, 9 repetitions);
#              options after it override it. --filter: a workload name or part of one.
# The raw outputs are kept in BUILD_DIR/bench-results/.
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build_dir=""
reps=9
sizes=1000,10000,100000,1000000
filter=""
while (($#)); do
  case $1 in
    --quick) reps=3 sizes=1000,10000,100000 ;;
    --reps) reps=$2; shift ;;
    --sizes) sizes=$2; shift ;;
    --filter) filter=$2; shift ;;
    -h|--help) sed -n '2,/^set /{/^#/p}' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    -*) echo "bench_runtime.sh: unknown option $1" >&2; exit 2 ;;
    *) build_dir=$1 ;;
  esac
  shift
done

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
status=0
"$out/awl_bench" "${args[@]}" >"$out/awl.txt" || status=$?
echo "# node: node --expose-gc runtime/bench/node_bench.js ${args[*]}"
node --expose-gc "$repo/runtime/bench/node_bench.js" "${args[@]}" >"$out/node.txt" || status=$?
echo "# load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
node "$repo/runtime/bench/report.js" "$out/awl.txt" "$out/node.txt" | tee "$out/table.txt"
if ((status != 0)); then
  echo "bench_runtime.sh: a benchmark computed a wrong result or failed (exit $status); see stderr above" >&2
  exit "$status"
fi

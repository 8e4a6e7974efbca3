# shellcheck shell=bash
# Sourced by bench_compare.sh and bench_sweep.sh: how both build awl_bench,
# and how both summarise the rounds, so that their figures stay comparable.

bench_common_repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

# build_awl_bench OUTPUT INCLUDE_DIR BUILD_TYPE: the working tree's
# awl_bench.cpp against the runtime headers in INCLUDE_DIR.
build_awl_bench() {
  # -falign-functions=64 as in runtime/bench/CMakeLists.txt: code shifted by
  # a change elsewhere must not pass for a change of speed.
  clang++-22 -std=c++20 -O2 -DNDEBUG -falign-functions=64 -DAWL_BENCH_BUILD_TYPE="\"$3\"" -I"$2" \
    "$bench_common_repo/runtime/bench/awl_bench.cpp" -o "$1"
}

# An awk function for the start of an awk program: median(who, key), the
# median of v[who, key, 1..n[who, key]] (each a round's minimum).
# shellcheck disable=SC2034  # used by the scripts that source this file
awk_median='
  function median(who, key,    i, m, a, t, j) {
    m = n[who, key]
    for (i = 1; i <= m; i++) a[i] = v[who, key, i]
    for (i = 1; i <= m; i++) for (j = i + 1; j <= m; j++) if (a[j] < a[i]) { t = a[i]; a[i] = a[j]; a[j] = t }
    return m % 2 ? a[(m + 1) / 2] : (a[m / 2] + a[m / 2 + 1]) / 2
  }'

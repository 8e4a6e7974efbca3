#!/usr/bin/env bash
# Installs awl from a configured build tree into a scratch prefix, then builds
# and runs a consumer that finds it with find_package(awl).
set -euo pipefail
build_dir=$1 source_dir=$2 work=$3
rm -rf "$work"
cmake --install "$build_dir" --component Unspecified --prefix "$work/prefix" >/dev/null
test -f "$work/prefix/include/awl/awl.hpp"
test -f "$work/prefix/share/doc/awaitlint/README.md"
test -f "$work/prefix/share/doc/awaitlint/checks/async/sequential-await.md"
cmake -S "$source_dir/test/install/consumer" -B "$work/build" -G Ninja \
  -DCMAKE_PREFIX_PATH="$work/prefix" -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build "$work/build" >/dev/null
out=$("$work/build/consumer")
echo "$out"
grep -q "consumer result 42 after 10 ms" <<<"$out"

# With the checks built: the driver and awaitlint-ci, which finds the driver
# next to itself and runs it (an empty compilation database: 0 TUs).
if [[ -x $build_dir/bin/awaitlint ]]; then
  test -x "$work/prefix/bin/awaitlint" -a -x "$work/prefix/bin/awaitlint-ci"
  test -f "$work/prefix/lib/libawaitlint.so" || test -f "$work/prefix/lib/x86_64-linux-gnu/libawaitlint.so"
  "$work/prefix/bin/awaitlint" --version >/dev/null
  if [[ -x $build_dir/bin/awaitlint-clangd ]]; then
    "$work/prefix/bin/awaitlint-clangd" --version | grep -q clangd
  fi
  mkdir -p "$work/empty-db" && echo '[]' >"$work/empty-db/compile_commands.json"
  "$work/prefix/bin/awaitlint-ci" -p "$work/empty-db" 2>&1 | grep -q '0 TU(s), 0 finding(s)'
fi

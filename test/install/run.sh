#!/usr/bin/env bash
# Installs awl from a configured build tree into a scratch prefix, then builds
# and runs a consumer that finds it with find_package(awl).
set -euo pipefail
build_dir=$1 source_dir=$2 work=$3
rm -rf "$work"
cmake --install "$build_dir" --component Unspecified --prefix "$work/prefix" >/dev/null
test -f "$work/prefix/include/awl/awl.hpp"
cmake -S "$source_dir/test/install/consumer" -B "$work/build" -G Ninja \
  -DCMAKE_PREFIX_PATH="$work/prefix" -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build "$work/build" >/dev/null
"$work/build/consumer"

#!/usr/bin/env bash
# Regenerates the explain-mode pictures and listings in docs/explain/ (text
# and SVG rendered by Graphviz) from the article's dashboard and from the
# checkout handler of examples/. Usage: scripts/explain_docs.sh [build-dir]
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
driver=$build/bin/awaitlint
[[ -x $driver ]] || { echo "explain_docs: build the driver first ($driver)" >&2; exit 1; }
command -v dot >/dev/null || { echo "explain_docs: Graphviz's dot is missing (scripts/bootstrap.sh installs it)" >&2; exit 1; }
out=docs/explain
mkdir -p "$out"
# The examples' compilation database gives checkout.cpp its flags.
cmake -S examples -B "$build/examples" -G Ninja -DCMAKE_CXX_COMPILER=clang++-22 >/dev/null

explain() { # NAME REGEX FILE DRIVER-ARGS...
  local name=$1 regex=$2 file=$3
  shift 3
  # Paths relative to the repository, so the listings do not depend on
  # where it was cloned.
  "$driver" --explain="$regex" "$file" "$@" | sed "s|$PWD/||g" >"$out/$name.txt"
  "$driver" --explain="$regex" --explain-format=dot "$file" "$@" | sed "s|$PWD/||g" >"$out/$name.dot"
  dot -Tsvg "$out/$name.dot" -o "$out/$name.svg"
  rm "$out/$name.dot"
  echo "explain_docs: $out/$name.txt $out/$name.svg"
}
explain dashboard 'load_dashboard_sequential' runtime/examples/dashboard.cpp -- -std=c++20 -Iruntime/include
explain checkout 'shop::checkout$|load_checkout_data' examples/checkout/checkout.cpp -p "$build/examples"

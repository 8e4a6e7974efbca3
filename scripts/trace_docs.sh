#!/usr/bin/env bash
# Regenerates docs/tracing/: the article's dashboard (runtime/examples/
# dashboard.cpp) traced by awl, awaited one after another and started
# together with when_all, as SVG timelines on one scale, as the terminal
# timeline and hints the example prints, and as Chrome trace JSON (open it in
# https://ui.perfetto.dev or chrome://tracing).
# Usage: scripts/trace_docs.sh [build-dir]
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
cmake --build "$build" --target dashboard >/dev/null
out=docs/tracing
mkdir -p "$out"
"$build/bin/dashboard" --svg "$out/dashboard" --chrome-trace "$out/dashboard" >"$out/dashboard.txt"
echo "trace_docs: $(ls "$out"/dashboard* | tr '\n' ' ')"

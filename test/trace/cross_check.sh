#!/usr/bin/env bash
# trace.cross-check: the runtime's missed-concurrency hints (dynamic) against
# async-sequential-await's findings (static) on test/trace/cross_check.cpp.
# Every static finding must be hinted at run time too, and each coroutine
# must be reported by exactly whom its `// expect:` line says.
# Usage: cross_check.sh PROGRAM AWAITLINT SOURCE AWL_INCLUDE_DIR
set -euo pipefail
program=$1 awaitlint=$2 source=$3 include=$4

# The function defined on the line after each `// expect: WHO`.
declare -A expected
while IFS= read -r line; do
  who=${line%%:*} name=${line#*:}
  expected[$name]=$who
done < <(awk '/\/\/ expect: / { who = $3; next }
             who != "" { if (match($0, /[a-z_]+\(/)) print who ":" substr($0, RSTART, RLENGTH - 1); who = "" }' "$source")
[[ ${#expected[@]} -ge 6 ]] || { echo "found only ${#expected[@]} expect: markers" >&2; exit 1; }

declare -A dynamic static
while read -r _ name _; do dynamic[$name]=1; done < <("$program" | grep '^hint ')
# A finding's function: the nearest definition above the finding's line.
while IFS=: read -r _ lineno _; do
  name=$(head -n "$lineno" "$source" | grep -E '^awl::Promise<[a-z]+> [a-z_]+\(' | tail -1 | sed -E 's/^[^ ]+ ([a-z_]+)\(.*/\1/')
  static[$name]=1
done < <("$awaitlint" --quiet --checks='-*,async-sequential-await' "$source" -- -std=c++20 -I"$include" 2>/dev/null |
         grep -E '^[^ ]+:[0-9]+:[0-9]+: (warning|error): .*\[async-sequential-await' || true)

status=0
for name in "${!expected[@]}"; do
  got=neither
  [[ -n ${dynamic[$name]:-} ]] && got=dynamic
  [[ -n ${static[$name]:-} ]] && got=${got/dynamic/both}
  [[ -n ${static[$name]:-} && -z ${dynamic[$name]:-} ]] && got=static
  printf '%-28s expected %-8s got %s\n' "$name" "${expected[$name]}" "$got"
  [[ $got == "${expected[$name]}" ]] || status=1
done
for name in "${!static[@]}"; do
  [[ -n ${dynamic[$name]:-} ]] || { echo "static finding in $name that the trace did not hint" >&2; status=1; }
done
exit $status

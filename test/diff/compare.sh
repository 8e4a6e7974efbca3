#!/usr/bin/env bash
# compare.sh NODE CASES_EXE NAME JS_FILE
# Runs `node JS_FILE` and `CASES_EXE NAME`; passes when their stdout is
# identical and both exit statuses are zero or both non-zero. stderr is not
# compared (Node prints its own warnings), only shown on failure.
# A first line `// node-args: ARGS` in the .js passes ARGS to node (e.g.
# --unhandled-rejections=warn). The C++ side must exit 0 or 1 (1: an exception
# escaped); any other status (crash, abort, sanitizer report) fails the case.
set -u
if [[ $# -ne 4 ]]; then
  echo "usage: $0 NODE CASES_EXE NAME JS_FILE" >&2
  exit 2
fi
node=$1 exe=$2 name=$3 js=$4
preload="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/node_preload.js"

# Make both sides independent of the caller's environment.
unset NODE_OPTIONS AWL_UNHANDLED_REJECTIONS
export ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}exitcode=86"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:+$UBSAN_OPTIONS:}exitcode=86"
export LSAN_OPTIONS="${LSAN_OPTIONS:+$LSAN_OPTIONS:}exitcode=86"

node_args=()
first_line=$(head -n 1 "$js")
if [[ $first_line =~ ^//\ node-args:\ (.*)$ ]]; then
  read -r -a node_args <<<"${BASH_REMATCH[1]}"
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

"$node" -r "$preload" "${node_args[@]}" "$js" >"$tmp/node.out" 2>"$tmp/node.err"
node_status=$?
"$exe" "$name" >"$tmp/awl.out" 2>"$tmp/awl.err"
awl_status=$?

# The awl side runs on virtual time and is deterministic; Node's timers run on
# the real clock, and on a loaded machine one can fire so late that it lands
# after a later one. A case with timers whose stdout differs therefore gets
# Node rerun up to twice: a real divergence differs every time.
node_attempts=1
if ! cmp -s "$tmp/node.out" "$tmp/awl.out" && grep -qE 'set(Timeout|Interval)' "$js"; then
  while ((node_attempts < 3)) && ! cmp -s "$tmp/node.out" "$tmp/awl.out"; do
    node_attempts=$((node_attempts + 1))
    "$node" -r "$preload" "${node_args[@]}" "$js" >"$tmp/node.out" 2>"$tmp/node.err"
    node_status=$?
  done
fi

failures=()
if ! cmp -s "$tmp/node.out" "$tmp/awl.out"; then
  failures+=("stdout differs")
fi
if [[ $awl_status -ne 0 && $awl_status -ne 1 ]]; then
  failures+=("awl_diff_cases exited with status $awl_status (crash, abort or sanitizer report?)")
elif (( (node_status == 0) != (awl_status == 0) )); then
  failures+=("exit status differs: node $node_status, awl $awl_status")
fi

# Passing needs both runs to have happened and no failure recorded.
if [[ -n ${node_status:-} && -n ${awl_status:-} && ${#failures[@]} -eq 0 ]]; then
  late=""
  ((node_attempts == 1)) || late=" (node's timers ran late: matched on node run $node_attempts)"
  echo "diff.$name: same stdout ($(wc -l <"$tmp/node.out") lines), exit statuses node $node_status / awl $awl_status$late"
  exit 0
fi

echo "diff.$name FAILED: $(IFS=';'; echo "${failures[*]}")$( ((node_attempts == 1)) || echo " (node run $node_attempts times)")"
echo "---- node ${node_args[*]} $js (exit $node_status) stdout:"
cat "$tmp/node.out"
echo "---- $exe $name (exit $awl_status) stdout:"
cat "$tmp/awl.out"
echo "---- diff -u node awl:"
diff -u --label node --label awl "$tmp/node.out" "$tmp/awl.out"
echo "---- node stderr:"
cat "$tmp/node.err"
echo "---- awl stderr:"
cat "$tmp/awl.err"
exit 1

#!/usr/bin/env bash
# README command 1: awaitlint on examples/, a small multi-file CMake project
# (the article's dashboard, a checkout handler, a sales report, an asio
# price comparison), the way a user would run it:
#   1. set up: packages (scripts/bootstrap.sh), the awaitlint driver;
#   2. build examples/ into build/examples (with compile_commands.json) and
#      run every program: what it computed and how long it took;
#   3. lint it with tools/awaitlint-ci: the findings;
#   4. copy examples/ to a temporary directory and apply the fixes there
#      (awaitlint-ci --fix): a short diff;
#   5. build and run the fixed copy, and compare: same results? faster?
#   6. print the timeline of each awl program before and after (awl tracing).
# Exits non-zero when something breaks: a build, a program, a fixed program
# that computes something else, or awaitlint-ci itself.
#
# Environment:
#   AWAITLINT_DEMO_SKIP_SETUP=1   skip step 1 (bootstrap and the main build)
#   AWAITLINT_DEMO_BUILD_DIR=DIR  where examples/ is built (default build/examples)
#   AWAITLINT_DEMO_DRIVER=PATH    the awaitlint driver (default build/bin/awaitlint)
#   AWAITLINT_DEMO_KEEP=1         keep the fixed copy (its path is printed)
#   NO_COLOR=1                    no colours (there are none unless stdout is a terminal)
set -eEuo pipefail
cd "$(dirname "$0")/.."
root=$PWD
demo_start=$SECONDS

if [[ -t 1 && -z ${NO_COLOR:-} ]]; then
  bold=$'\e[1m' dim=$'\e[2m' red=$'\e[31m' green=$'\e[32m' yellow=$'\e[33m' blue=$'\e[34m' cyan=$'\e[36m' reset=$'\e[0m'
else
  bold='' dim='' red='' green='' yellow='' blue='' cyan='' reset=''
fi
arrow='->'
[[ $(locale charmap 2>/dev/null) != UTF-8 ]] || arrow='→'

step_start=$SECONDS
step() {
  printf '\n%s== %s%s\n' "$bold$blue" "$*" "$reset"
  step_start=$SECONDS
}
took() { printf '%s   (%ss)%s\n' "$dim" $((SECONDS - step_start)) "$reset"; }
fail() {
  printf '%sdemo: FAILED: %s%s\n' "$bold$red" "$*" "$reset" >&2
  exit 1
}
trap 'fail "line $LINENO: $BASH_COMMAND"' ERR
# quietly CMD...: runs CMD, shows its output only when it fails.
quietly() {
  local log
  log=$(mktemp)
  if ! "$@" >"$log" 2>&1; then
    cat "$log" >&2
    rm -f "$log"
    return 1
  fi
  rm -f "$log"
}

programs=(dashboard checkout sales_report quotes)
build_dir=${AWAITLINT_DEMO_BUILD_DIR:-build/examples}
driver=${AWAITLINT_DEMO_DRIVER:-build/bin/awaitlint}
jobs=$(nproc 2>/dev/null || echo 2)

printf '%sawaitlint on examples/%s: the article'\''s dashboard, a checkout handler and a sales report\n' "$bold" "$reset"
printf '(awl, virtual time), and a price comparison (asio, wall clock).\n'

# --- 1. set-up -------------------------------------------------------------------
if [[ ${AWAITLINT_DEMO_SKIP_SETUP:-} == 1 ]]; then
  step "1. set-up: skipped (AWAITLINT_DEMO_SKIP_SETUP=1)"
else
  step "1. set-up: packages, then the awaitlint driver (cmake --preset default; first time: several minutes)"
  bash scripts/bootstrap.sh
  quietly cmake --preset default || fail "cmake --preset default"
  quietly cmake --build --preset default --target awaitlint || fail "building the awaitlint driver"
  took
fi
# The driver may be relinking right now (a concurrent build): wait a little.
for _ in $(seq 30); do
  [[ -x $driver ]] && break
  sleep 2
done
[[ -x $driver ]] || fail "no awaitlint driver at $driver (build it: cmake --build --preset default --target awaitlint)"
driver=$(cd "$(dirname "$driver")" && pwd)/$(basename "$driver")

# --- helpers for the programs' lines ---------------------------------------------
# Every program prints one line: "[name] what it computed -- N ms (clock)".
declare -A result_before result_after ms_before ms_after clock_of
# run_programs BIN_DIR SUFFIX: runs each program, prints its line, records it.
run_programs() {
  local bin=$1 when=$2 p line result ms
  for p in "${programs[@]}"; do
    line=$("$bin/$p") || fail "$p ($when) exited with $?: $line"
    [[ $line =~ ^\[$p\]\ (.*)\ --\ ([0-9]+)\ ms\ \((.*)\)$ ]] || fail "$p ($when) printed an unexpected line: $line"
    result=${BASH_REMATCH[1]} ms=${BASH_REMATCH[2]}
    clock_of[$p]=${BASH_REMATCH[3]}
    if [[ $when == before ]]; then
      result_before[$p]=$result ms_before[$p]=$ms
    else
      result_after[$p]=$result ms_after[$p]=$ms
    fi
    printf '  %s[%s]%s %s %s-- %s%s ms%s %s(%s)%s\n' "$bold" "$p" "$reset" "$result" "$dim" "$reset$bold" "$ms" "$reset" \
      "$dim" "${BASH_REMATCH[3]}" "$reset"
  done
}

configure() { # configure SRC BUILD
  quietly cmake -S "$1" -B "$2" -G Ninja -DCMAKE_CXX_COMPILER=clang++-22 -DCMAKE_BUILD_TYPE= \
    -DAWL_INCLUDE_DIR="$root/runtime/include"
}

# --- 2. build and run examples/ as written ---------------------------------------------
step "2. build examples/ into $build_dir and run the programs as written"
configure examples "$build_dir" || fail "configuring examples/"
quietly cmake --build "$build_dir" -j "$jobs" || fail "building examples/"
[[ -f $build_dir/compile_commands.json ]] || fail "no $build_dir/compile_commands.json"
printf '%s   %d translation units in %s/compile_commands.json%s\n' "$dim" \
  "$(grep -c '"file"' "$build_dir/compile_commands.json")" "$build_dir" "$reset"
run_programs "$build_dir/bin" before
took

# --- 3. lint -----------------------------------------------------------------------
build_abs=$(cd "$build_dir" && pwd)
step "3. cd examples && ../tools/awaitlint-ci -p $(realpath -m --relative-to=examples "$build_abs")"
findings=$(mktemp)
work=$(mktemp -d)
cleanup() {
  rm -f "$findings"
  if [[ ${AWAITLINT_DEMO_KEEP:-} == 1 ]]; then
    echo "demo: the fixed copy is kept in $work/examples" >&2
  else
    rm -rf "$work"
  fi
}
trap cleanup EXIT
code=0
(cd examples && "$root/tools/awaitlint-ci" --awaitlint "$driver" -p "$build_abs" -j "$jobs" --format text) \
  >"$findings" 2>"$work/lint.err" || code=$?
# 1: there are findings (what we expect here); anything else but 0 is a failure.
[[ $code == 0 || $code == 1 ]] || {
  cat "$work/lint.err" >&2
  fail "awaitlint-ci exited with $code"
}
# The warnings, and the notes that say something (not the "co_await k of n"
# markers): coloured like clang's.
note_fix=0 plain_fix=0 no_fix=0 current=
count_finding() {
  case $current in
    note) note_fix=$((note_fix + 1)) ;;
    none) no_fix=$((no_fix + 1)) ;;
    plain) plain_fix=$((plain_fix + 1)) ;;
  esac
}
while IFS= read -r line; do
  if [[ $line =~ ^([^:]+:[0-9]+:[0-9]+):\ warning:\ (.*)\ \[(.*)\]$ ]]; then
    count_finding
    current=plain
    printf '  %s%s:%s %swarning:%s %s %s[%s]%s\n' "$bold" "${BASH_REMATCH[1]}" "$reset" "$bold$yellow" "$reset" \
      "${BASH_REMATCH[2]}" "$cyan" "${BASH_REMATCH[3]}" "$reset"
  elif [[ $line =~ ^([^:]+:[0-9]+:[0-9]+):\ note:\ (.*)$ ]]; then
    case ${BASH_REMATCH[2]} in
      'independent co_await '*) continue ;;
      'fix-it on this note only'*) current=note ;;
      'no fix-it'*) current=none ;;
    esac
    printf '    %s%s: note: %s%s\n' "$dim" "${BASH_REMATCH[1]}" "${BASH_REMATCH[2]}" "$reset"
  fi
done <"$findings"
count_finding
total=$((plain_fix + note_fix + no_fix))
tus=$(sed -n 's/^awaitlint-ci: \([0-9]*\) TU(s).*/\1/p' "$work/lint.err")
summary="$total finding(s) in ${tus:-?} TUs: $plain_fix fixed by --fix"
((note_fix == 0)) || summary+="; $note_fix with the fix on a note (behaviour could change: review, then --fix-notes)"
((no_fix == 0)) || summary+="; $no_fix without a fix"
printf '   %s%s%s\n' "$bold" "$summary" "$reset"
printf '%s   not reported, on purpose: sign-in before the calls that need its session, the two journal\n' "$dim"
printf '   entries under the ledger'\''s lock, the paginated export (each page names the next): examples/README.md%s\n' "$reset"
took

# --- 4. fix a copy --------------------------------------------------------------------
step "4. cp -r examples $work/examples && awaitlint-ci --fix there"
cp -r examples "$work/examples"
configure "$work/examples" "$work/build" || fail "configuring the copy"
code=0
(cd "$work/examples" && "$root/tools/awaitlint-ci" --awaitlint "$driver" -p "$work/build" -j "$jobs" --fix) \
  >"$work/fix.out" 2>"$work/fix.err" || code=$?
[[ $code == 0 ]] || {
  cat "$work/fix.err" >&2
  fail "awaitlint-ci --fix exited with $code (4: conflicting fixes, nothing applied)"
}
mapfile -t changed < <(sed -n 's/^  //p' "$work/fix.err")
grep '^awaitlint-ci: fixes applied' "$work/fix.err" | sed 's/^awaitlint-ci: /   /'
for f in "${changed[@]}"; do
  { diff -U0 --label "a/$f" --label "b/$f" "examples/$f" "$work/examples/$f" || true; } | while IFS= read -r line; do
    case $line in
      ---* | +++*) printf '  %s%s%s\n' "$bold" "$line" "$reset" ;;
      @@*) printf '  %s%s%s\n' "$cyan" "$line" "$reset" ;;
      -*) printf '  %s%s%s\n' "$red" "$line" "$reset" ;;
      +*) printf '  %s%s%s\n' "$green" "$line" "$reset" ;;
      *) printf '  %s\n' "$line" ;;
    esac
  done
done
took

# --- 5. build and run the fixed copy, compare -------------------------------------------
step "5. build the fixed copy and run it"
quietly cmake --build "$work/build" -j "$jobs" || fail "the fixed copy does not build"
run_programs "$work/build/bin" after
took

step "before $arrow after awaitlint-ci --fix"
broken=0
printf '  %s%-13s %-8s %9s   %9s  %8s%s\n' "$bold" program result before after speed-up "$reset"
for p in "${programs[@]}"; do
  before=${ms_before[$p]} after=${ms_after[$p]}
  if [[ ${result_before[$p]} == "${result_after[$p]}" ]]; then
    same="${green}same    ${reset}"
  else
    same="${red}CHANGED ${reset}"
    broken=1
  fi
  colour=$yellow
  ((after >= before)) || colour=$green
  speedup=$(awk -v b="$before" -v a="$after" 'BEGIN { if (a > 0) printf "%.1fx", b / a; else print "-" }')
  printf '  %-13s %s %6s ms %s %s%6s ms%s  %s%8s%s  %s%s%s\n' "$p" "$same" "$before" "$arrow" "$colour$bold" "$after" \
    "$reset" "$colour" "$speedup" "$reset" "$dim" "${clock_of[$p]}" "$reset"
done
if ((broken)); then
  for p in "${programs[@]}"; do
    [[ ${result_before[$p]} == "${result_after[$p]}" ]] ||
      printf '  %s: before: %s\n  %s: after:  %s\n' "$p" "${result_before[$p]}" "$p" "${result_after[$p]}" >&2
  done
  fail "a fixed program computes something else"
fi
# --- 6. timelines --------------------------------------------------------------------------
# The programs on awl print their coroutines' timeline with SHOP_TIMELINE=1;
# the fixed copy is drawn on the axis of the original, so the bars compare.
step "timelines: each coroutine from start to end, before $arrow after (awl tracing, SHOP_TIMELINE=1)"
for p in dashboard checkout sales_report; do
  chart=$(SHOP_TIMELINE=1 "$build_dir/bin/$p" | tail -n +2) || fail "$p --timeline (before) failed"
  axis=$(tail -1 <<<"$chart" | awk '{ print $(NF - 1) }')
  printf '  %s%s, before%s
%s
' "$bold" "$p" "$reset" "$(sed 's/^/    /' <<<"$chart")"
  chart=$(SHOP_TIMELINE=1 SHOP_TIMELINE_AXIS_MS=$axis "$work/build/bin/$p" | tail -n +2) ||
    fail "$p --timeline (after) failed"
  printf '  %s%s, after%s
%s
' "$bold" "$p" "$reset" "$(sed 's/^/    /' <<<"$chart")"
done
printf '\n%sdemo: done in %ss%s\n' "$dim" $((SECONDS - demo_start)) "$reset"
